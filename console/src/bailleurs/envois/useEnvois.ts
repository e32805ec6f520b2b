import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Identifier } from 'react-admin';
import { useAppDataProvider } from '@console/data/dataProvider';

/** Query keys under one root: sending or revoking refreshes every tracking panel. */
export const ENVOIS_KEY = 'envois-bailleur';

export function useEnvoisCandidature(id: Identifier | undefined) {
  const dataProvider = useAppDataProvider();
  return useQuery({
    queryKey: [ENVOIS_KEY, 'candidatures', id],
    queryFn: () => dataProvider.envoisCandidature(id!).then((r) => r.data),
    enabled: id != null,
  });
}

export function useEnvoisOffre(id: Identifier | undefined) {
  const dataProvider = useAppDataProvider();
  return useQuery({
    queryKey: [ENVOIS_KEY, 'offres', id],
    queryFn: () => dataProvider.envoisOffre(id!).then((r) => r.data),
    enabled: id != null,
  });
}

export function useRafraichirEnvois() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: [ENVOIS_KEY] });
}
