import simpleRestProvider from 'ra-data-simple-rest';
import { useDataProvider, type DataProvider, type Identifier } from 'react-admin';
import type { ActionCandidature, CanalDemande, MotifRefusPiece, TypeSignalement, TypeSuspension } from '@shared/domain/enums';
import type { StatutExport } from '@shared/domain/enums';
import type { Statistiques } from '@shared/api/statistiques';
import type { LancementTache, Tache } from '@console/jobs/types';
import { API_URL, getJson, httpClient, postJson } from './httpClient';
import type { Notification as NotificationRecord } from './records';
import { instructionMethods, type Dossier, type EvenementTimeline, type InstructionMethods } from './instruction';
import { offresMethods, type OffresMethods } from './offres';
import { bailleursMethods, type BailleursMethods } from './bailleurs';
import { donneesMethods, type DonneesMethods } from './donnees';
import type { ApercuSuspension, Candidature, Demande, DesactivationComptes, Justificatif, RangClassement, Signalement, Suspension } from './records';

/** `ne_pas_retenir` → `ne-pas-retenir`: URLs spell actions with dashes (api.md). */
type Dashed<S extends string> = S extends `${infer A}_${infer B}` ? `${A}-${Dashed<B>}` : S;
type None = Record<string, never>;

/**
 * Candidature transitions an agent triggers (`cloturer` is the system's), plus taking charge of
 * a file and releasing it (`prendre`, `liberer`).
 */
export type CandidatureAction = Dashed<Exclude<ActionCandidature, 'cloturer'>> | 'prendre' | 'liberer';
export interface CandidatureActionBodies {
  prendre: { motif?: string };
  liberer: None;
  instruire: None;
  designer: { motif?: string };
  'ne-pas-retenir': { motif: string };
  attribuer: None;
  annuler: { motif: string; canal: CanalDemande };
}

export type JustificatifAction = 'valider' | 'refuser' | 'marquer-falsifie';
export interface JustificatifActionBodies {
  /** `candidatureId`: the dossier the piece is checked from (nobody holds it → the agent takes it). */
  valider: { dateValiditeFin?: string | null; candidatureId?: number };
  refuser: { motifCode: MotifRefusPiece; motif?: string; candidatureId?: number };
  'marquer-falsifie': { motif: string };
}
/** The answer of valider / refuser made from a candidature's dossier (`candidatureId`): the piece, plus what that screen shows. */
export interface VerificationPiece extends Justificatif {
  candidature?: Candidature;
  dossier?: Dossier;
  timeline?: EvenementTimeline[];
}

export interface PropositionRequest {
  offreId: Identifier;
  demandeurIds: Identifier[];
  message?: string;
}

/**
 * Action routes: status changes never go through a generic `update`, each has its route and
 * the server answers the updated record (or a problem+json refusal with its rule code).
 */
export interface ActionMethods {
  candidatureAction<A extends CandidatureAction>(id: Identifier, action: A, body: CandidatureActionBodies[A]): Promise<{ data: Candidature }>;
  justificatifAction<A extends JustificatifAction>(id: Identifier, action: A, body: JustificatifActionBodies[A], candidatureId?: Identifier): Promise<{ data: VerificationPiece }>;
  leverSuspension(id: Identifier, body: { motif: string }): Promise<{ data: Suspension }>;
  classementOffre(offreId: Identifier): Promise<{ data: RangClassement[] }>;
  proposer(body: PropositionRequest): Promise<{ data: unknown }>;
  /** Outbox and scheduled jobs (admin): resend a failed notification, the jobs page, "Lancer maintenant". */
  renvoyerNotification(id: Identifier): Promise<{ data: NotificationRecord }>;
  /** Admin: ends every live session of an agent (POST /api/agents/:id/revoquer-sessions). */
  revoquerSessions(agentId: Identifier): Promise<{ data: { revoquees: number } }>;
  taches(): Promise<{ data: Tache[] }>;
  lancerTache(name: string): Promise<{ data: LancementTache }>;
  /** Exports (POST /api/exports, a pg-boss job) and the dashboard (GET /api/statistiques, GET /api/candidatures/compteurs). */
  creerExport(body: DemandeExport): Promise<{ data: { id: Identifier; statut: StatutExport } }>;
  statistiques(periode?: { from?: string; to?: string }): Promise<{ data: Statistiques }>;
  /** Fraud control (R-SUSP, R-ONE-ACCOUNT). */
  apercuSuspension(query: { demandeurId: Identifier; dureeMois: number; type: TypeSuspension }): Promise<{ data: ApercuSuspension }>;
  signalementAction<A extends SignalementAction>(id: Identifier, action: A, body: SignalementActionBodies[A]): Promise<{ data: Signalement }>;
  desactiverComptes(id: Identifier, body: { demandeurIds: Identifier[]; motif: string }): Promise<{ data: DesactivationComptes }>;
  analyserSignalements(): Promise<{ data: { crees: Record<TypeSignalement, number>; total: number } }>;
  leverControleRenforce(demandeId: Identifier, body: { motif: string }): Promise<{ data: Demande }>;
  /** §13.6 tier 1: sets or clears « accompagné par le service dédié aux salariés en difficulté ». */
  modifierAccompagnement(demandeId: Identifier, body: { accompagne: boolean; motif: string }): Promise<{ data: Demande }>;
}

export type SignalementAction = 'prendre' | 'confirmer' | 'infirmer';
export interface SignalementActionBodies {
  prendre: None;
  confirmer: { conclusion: string };
  infirmer: { conclusion: string };
}

/** POST /api/exports body (api.md). */
export type DemandeExport =
  | { kind: 'designations_bailleur'; params: { bailleurId: Identifier; from: string; to: string } }
  | { kind: 'rapport_entreprise'; params: { siret: string; from: string; to: string } }
  | { kind: 'dossier_designation'; params: { candidatureId: Identifier } };

export type AppDataProvider = DataProvider & ActionMethods & InstructionMethods & OffresMethods & BailleursMethods & DonneesMethods;

const actionMethods: ActionMethods = {
  async candidatureAction(id, action, body) {
    return { data: await postJson<Candidature>(`/candidatures/${id}/${action}`, body) };
  },
  async justificatifAction(id, action, body, candidatureId) {
    const ecran = candidatureId != null && action !== 'marquer-falsifie' ? `?candidatureId=${encodeURIComponent(String(candidatureId))}` : '';
    return { data: await postJson<VerificationPiece>(`/justificatifs/${id}/${action}${ecran}`, body) };
  },
  async leverSuspension(id, body) {
    return { data: await postJson<Suspension>(`/suspensions/${id}/lever`, body) };
  },
  async classementOffre(offreId) {
    return { data: await getJson<RangClassement[]>(`/offres/${offreId}/classement`) };
  },
  async proposer(body) {
    return { data: await postJson<unknown>('/propositions', body) };
  },
  async renvoyerNotification(id) {
    return { data: await postJson<NotificationRecord>(`/notifications/${id}/renvoyer`, {}) };
  },
  async revoquerSessions(agentId) {
    return { data: await postJson<{ revoquees: number }>(`/agents/${agentId}/revoquer-sessions`, {}) };
  },
  async taches() {
    return { data: await getJson<Tache[]>('/jobs') };
  },
  async lancerTache(name) {
    return { data: await postJson<LancementTache>(`/jobs/${encodeURIComponent(name)}/run`, {}) };
  },
  async creerExport(body) {
    return { data: await postJson<{ id: Identifier; statut: StatutExport }>('/exports', body) };
  },
  async statistiques(periode = {}) {
    const q = new URLSearchParams(Object.entries(periode).filter((e): e is [string, string] => !!e[1]));
    return { data: await getJson<Statistiques>(`/statistiques${q.size ? `?${q}` : ''}`) };
  },
  async apercuSuspension({ demandeurId, dureeMois, type }) {
    const q = new URLSearchParams({ demandeurId: String(demandeurId), dureeMois: String(dureeMois), type });
    return { data: await getJson<ApercuSuspension>(`/suspensions/apercu?${q}`) };
  },
  async signalementAction(id, action, body) {
    return { data: await postJson<Signalement>(`/signalements/${id}/${action}`, body) };
  },
  async desactiverComptes(id, body) {
    return { data: await postJson<DesactivationComptes>(`/signalements/${id}/desactiver-comptes`, body) };
  },
  async analyserSignalements() {
    return { data: await postJson<{ crees: Record<TypeSignalement, number>; total: number }>('/signalements/analyser', {}) };
  },
  async leverControleRenforce(demandeId, body) {
    return { data: await postJson<Demande>(`/demandes/${demandeId}/lever-controle-renforce`, body) };
  },
  async modifierAccompagnement(demandeId, body) {
    return { data: await postJson<Demande>(`/demandes/${demandeId}/accompagnement`, body) };
  },
};

export const dataProvider: AppDataProvider = {
  ...(simpleRestProvider(API_URL, httpClient) as DataProvider),
  ...actionMethods,
  ...instructionMethods,
  ...offresMethods,
  ...bailleursMethods,
  ...donneesMethods,
};

/** URL of a record's file (justificatifs, exports): the cookie authenticates the download. */
export const fichierUrl = (resource: 'justificatifs' | 'exports', id: Identifier): string => `${API_URL}/${resource}/${id}/fichier`;

export const useAppDataProvider = () => useDataProvider<AppDataProvider>();
