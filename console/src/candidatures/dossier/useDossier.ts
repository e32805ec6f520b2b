import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { Identifier } from 'react-admin';
import { useAppDataProvider } from '@console/data/dataProvider';

/** Query keys of the candidature page: under `candidatures`, so react-admin's refresh reloads them too. */
export const dossierKey = (id: Identifier) => ['candidatures', 'dossier', String(id)] as const;
export const historiqueKey = (entite: string, id: Identifier) => [entite, 'timeline', String(id)] as const;

/** GET /api/candidatures/:id/dossier: eligibility, flags, pieces checklist, soft lock, allowed actions. */
export function useDossier(id: Identifier | undefined) {
  const dataProvider = useAppDataProvider();
  return useQuery({
    queryKey: dossierKey(id ?? ''),
    queryFn: () => dataProvider.dossierCandidature(id!).then((r) => r.data),
    enabled: id != null,
  });
}

/**
 * After a write on the candidature or one of its pieces: reload the record, the dossier (rank,
 * palier, checklist and lock change), the history, the tab counts and the pieces.
 */
export function useRechargerDossier() {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['candidatures'] }),
        queryClient.invalidateQueries({ queryKey: ['justificatifs'] }),
      ]),
    [queryClient],
  );
}
