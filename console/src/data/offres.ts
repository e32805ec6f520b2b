/**
 * Typed routes of offers and propositions (R-PUB, §11.17, §11.25, §12): the publication window
 * actions, the matching of demandeurs, similar offers and sending propositions. Status and
 * window changes never go through the generic `update`.
 */
import type { Identifier } from 'react-admin';
import type { FormeOffre, NatureOffre, Reglementation, Typologie } from '@shared/domain/enums';
import { getJson, postJson } from './httpClient';
import type { Offre } from './records';

type Iso = string;

/** An offer as the action routes answer it: the row plus whether visitors see it now (estPubliee). */
export type OffreGeree = Offre & {
  enLigne: boolean;
  attributionDirecteLe: Iso | null;
  attributionDirecteMotif: string | null;
  candidaturesCloturees?: Identifier[];
  propositionsExpirees?: Identifier[];
};

export interface OffreActionBodies {
  prolonger: { finPublication: Iso };
  raccourcir: { finPublication: Iso };
  renouveler: { debutPublication: Iso; finPublication: Iso };
  publier: Record<string, never>;
  depublier: { motif: string };
  'reprise-bailleur': { motif: string };
  'attribution-directe': { motif: string; date: Iso };
}
export type OffreAction = keyof OffreActionBodies;

export interface SecteurTrouve {
  commune: string;
  rayonKm: number;
  distanceKm: number;
  atteint: boolean;
}

export interface Correspondance {
  demandeurId: Identifier;
  demandeId: Identifier;
  demandeReference: string | null;
  civilite: string;
  nom: string;
  prenom: string;
  nombrePersonnes: number | null;
  revenuFiscalReference: number | null;
  publicCible: string | null;
  dateDemande: Iso;
  secteur: SecteurTrouve;
  palier: number;
  libellePalier: string;
  raisons: string[];
}

export interface Ecart {
  demandeurId: Identifier;
  demandeId: Identifier | null;
  civilite: string;
  nom: string;
  prenom: string;
  code: string;
  raison: string;
  refus: { code: string; raison: string }[];
}

/** GET /api/offres/:id/correspondances: one page of at most `maxEvalues` evaluated demandeurs. */
export interface Correspondances {
  offre: { id: Identifier; reference: string; titre: string; commune: string; enLigne: boolean; retiree: boolean };
  debut: number;
  evalues: number;
  total: number;
  atteignent: number;
  suivant: number | null;
  maxEvalues: number;
  correspondances: Correspondance[];
  ecartes: Ecart[];
}

export interface OffreSimilaire {
  id: Identifier;
  reference: string;
  titre: string;
  commune: string;
  departement: string;
  nature: NatureOffre;
  forme: FormeOffre;
  typologie: Typologie;
  reglementation: Reglementation;
  loyer: number | null;
  loyerMin: number | null;
  loyerMax: number | null;
  surface: number | null;
  surfaceMin: number | null;
  surfaceMax: number | null;
  distanceKm: number | null;
  enLigne: boolean;
  raisons?: string[];
  code?: string;
  raison?: string;
}

export interface OffresSimilaires {
  candidature: { id: Identifier; offreId: Identifier; offreReference: string; demandeurId: Identifier };
  offres: OffreSimilaire[];
  ecartees: OffreSimilaire[];
}

export interface ResultatPropositions {
  envoyees: { id: Identifier; demandeurId: Identifier; expireLe: Iso }[];
  refusees: { demandeurId: Identifier; code: string; raison: string }[];
}

export interface OffresMethods {
  offreAction<A extends OffreAction>(id: Identifier, action: A, body: OffreActionBodies[A]): Promise<{ data: OffreGeree }>;
  correspondances(offreId: Identifier, page?: { debut?: number; nombre?: number }): Promise<{ data: Correspondances }>;
  offresSimilaires(candidatureId: Identifier): Promise<{ data: OffresSimilaires }>;
  envoyerPropositions(body: { offreId: Identifier; demandeurIds: Identifier[]; message?: string }): Promise<{ data: ResultatPropositions }>;
}

export const offresMethods: OffresMethods = {
  async offreAction(id, action, body) {
    return { data: await postJson<OffreGeree>(`/offres/${id}/${action}`, body) };
  },
  async correspondances(offreId, page = {}) {
    const q = new URLSearchParams({ debut: String(page.debut ?? 0), ...(page.nombre ? { nombre: String(page.nombre) } : {}) });
    return { data: await getJson<Correspondances>(`/offres/${offreId}/correspondances?${q}`) };
  },
  async offresSimilaires(candidatureId) {
    return { data: await getJson<OffresSimilaires>(`/candidatures/${candidatureId}/offres-similaires`) };
  },
  async envoyerPropositions(body) {
    return { data: await postJson<ResultatPropositions>('/propositions', body) };
  },
};

