import type { Identifier } from 'react-admin';
import type { ActionCandidature, ResourceName, StatutCandidature, Titulaire, TypeJustificatif } from '@shared/domain/enums';
import type { LigneChecklist } from '@shared/rules/completude';
import { API_URL, getJson, httpClient, postJson } from './httpClient';

type Iso = string;

/** GET /api/candidatures/:id/dossier: what the candidature page shows beside the viewer. */
export interface Dossier {
  id: Identifier;
  statut: StatutCandidature;
  eligibilite: { eligible: boolean; raisons: string[]; plafond: number | null; revenuFiscalReference: number; nombrePersonnes: number };
  suspenduJusquAu: Iso | null;
  controleRenforce: boolean;
  /** R-REAPPLY: an attribution less than 12 months ago. */
  signaleReattribution: boolean;
  checklist: (LigneChecklist & {
    /** « Demander la pièce » (issue #15): the request waiting for the demandeur's deposit, if any. */
    demandePiece?: DemandePieceLigne | null;
    /** The agent may ask for this piece now (missing or refused, none pending, open dossier, his role). */
    demandable?: boolean;
  })[];
  verrou: { agentId: Identifier; agentNom: string | null; depuis: Iso | null; actif: boolean; estMoi: boolean } | null;
  actionsPossibles: Exclude<ActionCandidature, 'cloturer'>[];
  peutPrendre: boolean;
  /** The agent may ask the demandeur for pieces of this dossier (role, territory, open candidature). */
  peutDemanderPiece?: boolean;
  /** What « Désigner » needs, before the click (null when it is not a possible action). */
  designation?: PreconditionsDesignation | null;
  /** UI-SUIVI: null when the agent does not follow it; else his previous visit and whether it changed since (this visit then counts as seen). */
  suivi?: { vuLe: Iso; modifieDepuisVisite: boolean } | null;
}

export interface PreconditionsDesignation {
  possible: boolean;
  /** Every refusal the API would answer now, in French. */
  refus: { code: string; raison: string }[];
  piecesAValider: { type: TypeJustificatif; titulaire: Titulaire }[];
  /** Better-ranked candidatures still waiting that the designation would skip (the first 10). */
  devancees: { rang: number; candidatureId: Identifier; reference: string; nom: string }[];
  devanceesTotal: number;
}

export type LigneDossier = Dossier['checklist'][number];

/** A pending request for a piece (POST /api/candidatures/:id/pieces/demander). */
export interface DemandePieceLigne {
  id: Identifier;
  demandeeLe: Iso;
  motif: string;
  agentId: Identifier;
  agentNom: string;
}

/** POST /api/candidatures/actions-groupees (≤ 500 ids). */
export type ActionGroupee =
  | { action: 'instruire'; ids: Identifier[] }
  | { action: 'ne-pas-retenir'; ids: Identifier[]; motif: string }
  | { action: 'assigner'; ids: Identifier[]; agentId: Identifier };

/** Every row reported: applied, or refused with its rule code and French reason. */
export interface RapportGroupe {
  reussies: Identifier[];
  refusees: { id: Identifier; code: string; raison: string }[];
}

/** One line of a candidature's or demande's history, newest first. */
export interface EvenementTimeline {
  id: string;
  at: Iso;
  genre: 'audit' | 'notification' | 'note';
  /** Audit action, notification template, or `note`. */
  action: string;
  acteur: string | null;
  de: string | null;
  vers: string | null;
  motif: string | null;
  /** Subject of a notification, text of a note. */
  texte: string | null;
}

export interface Note {
  id: Identifier;
  texte: string;
  createdAt: Iso;
  agentId: Identifier;
  agentNom: string;
}

/** A saved filter of a list, per agent (GET/POST/DELETE /api/filtres-sauvegardes). */
export interface FiltreSauvegarde {
  id: Identifier;
  ressource: ResourceName;
  nom: string;
  filtre: Record<string, unknown>;
  /** Columns shown when it was saved (null: the default ones). */
  colonnes: string[] | null;
}

export type EntiteHistorique = 'candidatures' | 'demandes';

/** GET /api/candidatures/compteurs: the count of each work-queue tab, in the agent's scope. */
export type CompteursOnglets = Record<'a_traiter' | 'mes_dossiers' | 'en_instruction' | 'transmises' | 'sans_reponse_bailleur' | 'traitees' | 'toutes', number>;

/** Typed methods of the instruction work queue (spread into the app's data provider). */
export interface InstructionMethods {
  compteursOnglets(filter?: Record<string, unknown>): Promise<{ data: CompteursOnglets }>;
  dossierCandidature(id: Identifier): Promise<{ data: Dossier }>;
  actionGroupee(body: ActionGroupee): Promise<{ data: RapportGroupe }>;
  /** Agents who may receive every one of these candidatures (their territories include each département). */
  agentsAssignables(ids: Identifier[]): Promise<{ data: { id: Identifier; nom: string }[] }>;
  timeline(entite: EntiteHistorique, id: Identifier): Promise<{ data: EvenementTimeline[] }>;
  notes(entite: EntiteHistorique, id: Identifier): Promise<{ data: Note[] }>;
  ajouterNote(entite: EntiteHistorique, id: Identifier, texte: string): Promise<{ data: Note }>;
  filtresSauvegardes(ressource: ResourceName): Promise<{ data: FiltreSauvegarde[] }>;
  enregistrerFiltre(body: Omit<FiltreSauvegarde, 'id'>): Promise<{ data: FiltreSauvegarde }>;
  supprimerFiltre(id: Identifier): Promise<{ data: { id: Identifier } }>;
  /** UI-SUIVI: PUT (follow) or DELETE (stop) /api/candidatures/:id/suivi. */
  suivreCandidature(id: Identifier, suivre: boolean): Promise<{ data: { id: Identifier } }>;
}

export const instructionMethods: InstructionMethods = {
  async compteursOnglets(filter) {
    const { onglet: _onglet, ...autres } = filter ?? {};
    const q = Object.keys(autres).length ? `?filter=${encodeURIComponent(JSON.stringify(autres))}` : '';
    return { data: await getJson<CompteursOnglets>(`/candidatures/compteurs${q}`) };
  },
  async dossierCandidature(id) {
    return { data: await getJson<Dossier>(`/candidatures/${id}/dossier`) };
  },
  async actionGroupee(body) {
    return { data: await postJson<RapportGroupe>('/candidatures/actions-groupees', body) };
  },
  async agentsAssignables(ids) {
    return { data: await getJson<{ id: Identifier; nom: string }[]>(`/candidatures/agents-assignables?ids=${ids.map(Number).join(',')}`) };
  },
  async timeline(entite, id) {
    return { data: await getJson<EvenementTimeline[]>(`/${entite}/${id}/timeline`) };
  },
  async notes(entite, id) {
    return { data: await getJson<Note[]>(`/${entite}/${id}/notes`) };
  },
  async ajouterNote(entite, id, texte) {
    return { data: await postJson<Note>(`/${entite}/${id}/notes`, { texte }) };
  },
  async filtresSauvegardes(ressource) {
    return { data: await getJson<FiltreSauvegarde[]>(`/filtres-sauvegardes?ressource=${encodeURIComponent(ressource)}`) };
  },
  async enregistrerFiltre(body) {
    return { data: await postJson<FiltreSauvegarde>('/filtres-sauvegardes', body) };
  },
  async supprimerFiltre(id) {
    await httpClient(`${API_URL}/filtres-sauvegardes/${id}`, { method: 'DELETE' });
    return { data: { id } };
  },
  async suivreCandidature(id, suivre) {
    await httpClient(`${API_URL}/candidatures/${id}/suivi`, { method: suivre ? 'PUT' : 'DELETE' });
    return { data: { id } };
  },
};
