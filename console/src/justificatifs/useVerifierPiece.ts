import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useNotify, type Identifier, type RaRecord } from 'react-admin';
import { useAppDataProvider, type JustificatifActionBodies, type VerificationPiece } from '@console/data/dataProvider';
import { dossierKey, historiqueKey, useRechargerDossier } from '@console/candidatures/dossier/useDossier';

type Verification = { action: 'valider'; body: JustificatifActionBodies['valider'] } | { action: 'refuser'; body: JustificatifActionBodies['refuser'] };

/**
 * Records a verification of a piece (POST valider / refuser). From a candidature's dossier, the
 * POST answers the piece with what the screen shows that it changes (the candidature's palier and
 * rank, the dossier's checklist and eligibility, the history): the cache is updated from it, with
 * no reload (issue #19: one request instead of the POST and seven GETs). Without them, or on a
 * refusal, everything is reloaded. Ignored while a request is pending.
 */
export function useVerifierPiece(id: Identifier, onDone?: () => void, candidatureId?: Identifier) {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const recharger = useRechargerDossier();
  const mutation = useMutation({
    mutationFn: (v: Verification) => dataProvider.justificatifAction(id, v.action, v.body as never, candidatureId),
    onSuccess: ({ data }, v) => {
      notify(v.action === 'valider' ? 'app.traitement.pieces.validee' : 'app.traitement.pieces.refusee', { type: 'success' });
      if (candidatureId != null && data.candidature && data.dossier && data.timeline) mettreEnCache(queryClient, candidatureId, data);
      else void recharger();
      onDone?.();
    },
    onError: (error) => {
      notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      void recharger();
    },
  });
  const verifier = (v: Verification) => {
    if (!mutation.isPending) mutation.mutate(v);
  };
  return { verifier, pending: mutation.isPending };
}

/** Puts the POST's answer where react-admin and the dossier page read it: getOne, lists and getMany of both resources, dossier, history. */
function mettreEnCache(queryClient: QueryClient, candidatureId: Identifier, reponse: VerificationPiece) {
  const { candidature, dossier, timeline, ...piece } = reponse;
  queryClient.setQueryData(dossierKey(candidatureId), dossier);
  queryClient.setQueryData(historiqueKey('candidatures', candidatureId), timeline);
  remplacer(queryClient, 'candidatures', candidature!);
  remplacer(queryClient, 'justificatifs', piece);
}

function remplacer(queryClient: QueryClient, resource: string, record: RaRecord) {
  const meme = (r: RaRecord) => String(r.id) === String(record.id);
  const fusion = (r: RaRecord) => (meme(r) ? { ...r, ...record } : r);
  queryClient.setQueriesData({ queryKey: [resource, 'getOne', { id: String(record.id) }] }, (old: RaRecord | undefined) => (old ? { ...old, ...record } : old));
  queryClient.setQueriesData({ queryKey: [resource, 'getMany'] }, (old: RaRecord[] | undefined) => old?.map(fusion));
  queryClient.setQueriesData({ queryKey: [resource, 'getList'] }, (old: { data: RaRecord[] } | undefined) => (old ? { ...old, data: old.data.map(fusion) } : old));
}
