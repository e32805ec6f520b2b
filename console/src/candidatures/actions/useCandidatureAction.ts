import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useNotify, useTranslate, type Identifier } from 'react-admin';
import type { ActionCandidature } from '@shared/domain/enums';
import { useAppDataProvider, type CandidatureAction, type CandidatureActionBodies } from '@console/data/dataProvider';
import { useRechargerDossier } from '@console/candidatures/dossier/useDossier';
import type { DetailsSaisis } from './MotifDialog';

/** The transitions an agent triggers from the candidature page. */
export type ActionAgent = Exclude<ActionCandidature, 'cloturer'>;

/** URLs spell actions with dashes (api.md). */
export const ROUTE_ACTION = {
  instruire: 'instruire',
  designer: 'designer',
  ne_pas_retenir: 'ne-pas-retenir',
  attribuer: 'attribuer',
  annuler: 'annuler',
} as const satisfies Record<ActionAgent, CandidatureAction>;

/** A refusal of the API: problem+json `detail` (French) as message, rule code in `body.code`. */
export interface RefusApi {
  message: string;
  status?: number;
  body?: { code?: string };
}

export interface Options {
  /** Handles a refusal itself (returns true), e.g. a motif to ask for; otherwise it is notified. */
  onRefus?: (refus: RefusApi) => boolean;
  onSucces?: () => void;
}

/**
 * One action on one candidature: posts to its route, tells the agent in French, reloads the
 * page's data. While a request is pending, further calls are ignored (a double click sends once).
 */
export function useCandidatureAction(id: Identifier, action: ActionAgent) {
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const translate = useTranslate();
  const recharger = useRechargerDossier();
  const enCours = useRef(false);
  const mutation = useMutation({
    mutationFn: (body: DetailsSaisis) =>
      // The dialogs collect exactly what shared/rules `detailsRequis` asks for; the server validates the body.
      dataProvider.candidatureAction(id, ROUTE_ACTION[action], body as CandidatureActionBodies[(typeof ROUTE_ACTION)[typeof action]]),
  });

  const executer = (body: DetailsSaisis = {}, options: Options = {}) => {
    if (enCours.current) return;
    enCours.current = true;
    mutation.mutate(body, {
      onSuccess: () => {
        notify(translate(`app.traitement.actions.succes.${action}`), { type: 'success' });
        options.onSucces?.();
        void recharger();
      },
      onError: (error) => {
        const refus = error as RefusApi;
        if (options.onRefus?.(refus)) return;
        notify(refus.message || 'app.erreurs.serveur', { type: 'error' });
        if (refus.status === 409) void recharger();
      },
      onSettled: () => {
        enCours.current = false;
      },
    });
  };

  return { executer, pending: mutation.isPending };
}
