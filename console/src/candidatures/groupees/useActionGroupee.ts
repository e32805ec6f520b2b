import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useListContext, useNotify, useRefresh, type Identifier } from 'react-admin';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { ActionGroupee, RapportGroupe } from '@console/data/instruction';
import type { CandidatureFile } from '@console/candidatures/types';

/** The API's ceiling per bulk request. */
export const MAX_GROUPE = 500;

export interface RapportAffiche {
  libelle: string;
  rapport: RapportGroupe;
  /** Reference of each selected row, to name the refused ones. */
  references: Map<Identifier, string>;
}

/**
 * Runs a bulk action on the selected rows and keeps its per-row report for the dialog. The
 * selection stays until the report is closed (the toolbar, and so the dialog, live with it).
 */
export function useActionGroupee() {
  const dataProvider = useAppDataProvider();
  const { selectedIds, data, onUnselectItems } = useListContext<CandidatureFile>();
  const refresh = useRefresh();
  const notify = useNotify();
  const [rapport, setRapport] = useState<RapportAffiche | null>(null);
  const mutation = useMutation({ mutationFn: (body: ActionGroupee) => dataProvider.actionGroupee(body).then((r) => r.data) });

  const lancer = (body: ActionGroupee, libelle: string, onDone?: () => void) => {
    if (mutation.isPending) return;
    const references = new Map((data ?? []).map((row) => [row.id, row.reference] as const));
    mutation.mutate(body, {
      onSuccess: (r) => {
        onDone?.();
        setRapport({ libelle, rapport: r, references });
        refresh();
      },
      onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
    });
  };

  const fermerRapport = () => {
    setRapport(null);
    onUnselectItems();
  };

  return { selectedIds, lancer, pending: mutation.isPending, rapport, fermerRapport, tropNombreux: selectedIds.length > MAX_GROUPE };
}
