import { useMutation } from '@tanstack/react-query';
import { useNotify, type Identifier } from 'react-admin';
import { useAppDataProvider, type JustificatifActionBodies } from '../data/dataProvider';
import { useRechargerDossier } from '../candidatures/dossier/useDossier';

type Verification = { action: 'valider'; body: JustificatifActionBodies['valider'] } | { action: 'refuser'; body: JustificatifActionBodies['refuser'] };

/**
 * Records a verification of a piece (POST valider / refuser), then reloads the pieces and the
 * candidature (its palier, rank and checklist follow). Ignored while a request is pending.
 */
export function useVerifierPiece(id: Identifier, onDone?: () => void) {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const recharger = useRechargerDossier();
  const mutation = useMutation({
    mutationFn: (v: Verification) =>
      v.action === 'valider' ? dataProvider.justificatifAction(id, 'valider', v.body) : dataProvider.justificatifAction(id, 'refuser', v.body),
    onSuccess: (_, v) => {
      notify(v.action === 'valider' ? 'app.traitement.pieces.validee' : 'app.traitement.pieces.refusee', { type: 'success' });
      onDone?.();
    },
    onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
    onSettled: () => recharger(),
  });
  const verifier = (v: Verification) => {
    if (!mutation.isPending) mutation.mutate(v);
  };
  return { verifier, pending: mutation.isPending };
}
