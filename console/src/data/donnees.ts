/**
 * Personal data (issue #14): the audit chain's verification (admin), the retention table (admin)
 * and the URL of a demandeur's data package (art. 15/20), downloaded with the session cookie.
 */
import type { Identifier } from 'react-admin';
import { API_URL, getJson, postJson } from './httpClient';

export interface VerificationJournal {
  valide: boolean;
  evenementsVerifies: number;
  joursScelles: number;
  nonChaines: number;
  dernierHash: string | null;
  rupture: { raison: 'sequence' | 'precedent' | 'contenu' | 'sceau'; evenementId: number | null; chaineSeq: number | null; jour: string | null; message: string } | null;
}

export interface TraceAcces {
  id: string;
  at: string;
  agentId: number;
  agentNom: string | null;
  ressource: string;
  entiteId: number | null;
  filtre: Record<string, string> | null;
  nombre: number | null;
  ip: string | null;
}

export interface RechercheTraces {
  agentId?: string;
  ressource?: string;
  entiteId?: string;
}

export interface DonneesMethods {
  verifierJournal(): Promise<{ data: VerificationJournal }>;
  /** Agents' reads of personal data (managers, contrôle fraude), newest first: the 200 latest matching. */
  tracesAcces(q: RechercheTraces): Promise<{ data: TraceAcces[] }>;
}

export const donneesMethods: DonneesMethods = {
  async verifierJournal() {
    return { data: await postJson<VerificationJournal>('/audit-events/verifier', {}) };
  },
  async tracesAcces(q) {
    const p = new URLSearchParams(Object.entries(q).filter((e): e is [string, string] => !!e[1]?.trim()));
    p.set('nombre', '200');
    return { data: await getJson<TraceAcces[]>(`/traces-acces?${p}`) };
  },
};

/** The ZIP of everything held on a demandeur (their JSON and their own documents); audited by the server. */
export const paquetDonneesUrl = (demandeurId: Identifier): string => `${API_URL}/demandeurs/${demandeurId}/donnees.zip`;
