import { http, HttpResponse } from 'msw';
import { defineAbilityFor } from '@shared/abilities';
import { actionsPossibles, estOuvert } from '@shared/rules/candidature';
import { pieceADemander } from '@shared/rules/completude';
import type { SuiviCandidature } from '@shared/api/bailleurs';
import type { AgentProfile } from '@console/auth/session';
import type { Dossier, EvenementTimeline, RapportGroupe } from '@console/data/instruction';
import type { Candidature } from '@console/data/records';
import type { ActionAgent } from '@console/candidatures/actions/useCandidatureAction';

/** The counts GET /api/candidatures/compteurs answers in tests. */
export const COMPTEURS = { a_traiter: 60, mes_dossiers: 12, en_instruction: 31, transmises: 9, sans_reponse_bailleur: 2, traitees: 65, toutes: 165 };

/**
 * The dossier the API would answer this agent for this candidature: the lifecycle's actions
 * (shared rule) the role may take, as dossier.ts computes them.
 */
export function dossierPour(record: Pick<Candidature, 'id' | 'statut'>, agent: AgentProfile, patch: Partial<Dossier> = {}): Dossier {
  const ability = defineAbilityFor(agent);
  const actions = actionsPossibles(record.statut, 'agent').filter((a): a is ActionAgent => a !== 'cloturer' && ability.can(a, 'candidatures'));
  // « Demander la pièce » (issue #15), as dossier.ts decides it: the role, an open candidature, a line that does not count, none pending.
  const peutDemanderPiece = estOuvert(record.statut) && ability.can('demander_piece', 'candidatures');
  const lignes: Dossier['checklist'] = [
    { type: 'identite', titulaire: 'demandeur', source: 'socle', justificatifId: 41, statut: 'depose', expire: false, validee: false, ok: true },
    { type: 'avis_imposition', titulaire: 'demandeur', source: 'socle', justificatifId: 42, statut: 'valide', expire: false, validee: true, ok: true },
    { type: 'justificatif_domicile', titulaire: 'demandeur', source: 'reglementation', justificatifId: null, statut: null, expire: false, validee: false, ok: false },
  ];
  const checklist = (patch.checklist ?? lignes).map((l) => ({
    demandePiece: null, ...l, demandable: l.demandable ?? (peutDemanderPiece && !l.demandePiece && pieceADemander(l)),
  }));
  return {
    id: record.id,
    statut: record.statut,
    eligibilite: { eligible: true, raisons: [], plafond: 32000, revenuFiscalReference: 28000, nombrePersonnes: 2 },
    suspenduJusquAu: null,
    controleRenforce: false,
    signaleReattribution: false,
    verrou: null,
    actionsPossibles: actions,
    peutPrendre: ability.can('prendre', 'candidatures'),
    peutDemanderPiece,
    ...patch,
    checklist,
  };
}

const json = (body: unknown) => HttpResponse.json(body as Record<string, unknown>);

/** The work-queue routes beside simple-rest: dossier, history, notes, tab counts, saved filters, bulk actions. */
export function instructionHandlers({
  dossier,
  timeline = [],
  rapport = { reussies: [], refusees: [] },
  envois = { envois: [], decision: null },
}: {
  dossier?: (id: number) => Dossier;
  timeline?: EvenementTimeline[];
  rapport?: RapportGroupe;
  envois?: SuiviCandidature;
} = {}) {
  return [
    http.get('/api/candidatures/:id/envois-bailleur', () => json(envois)),
    http.get('/api/candidatures/compteurs', () => json(COMPTEURS)),
    http.post('/api/candidatures/actions-groupees', () => json(rapport)),
    http.get('/api/candidatures/:id/dossier', ({ params }) =>
      dossier ? json(dossier(Number(params.id))) : HttpResponse.json({ status: 404, detail: 'Introuvable.' }, { status: 404 }),
    ),
    http.get('/api/candidatures/:id/timeline', () => json(timeline)),
    http.get('/api/demandes/:id/timeline', () => json(timeline)),
    http.get('/api/candidatures/:id/notes', () => json([])),
    http.get('/api/filtres-sauvegardes', () => json([])),
  ];
}
