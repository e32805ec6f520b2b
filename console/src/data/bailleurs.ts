/**
 * Typed routes of « Envoyer au bailleur » (issue #18): sending a link to the bailleur from a
 * candidature, an offer or a designations export, the tracking of what it did with it, revoking it.
 */
import type { Identifier } from 'react-admin';
import type { ResultatEnvoi, SuiviCandidature, SuiviOffre } from '@shared/api/bailleurs';
import { getJson, postJson } from './httpClient';

/** Where an envoi starts from: the route prefix of its source record. */
export type SourceEnvoi = 'candidatures' | 'offres' | 'exports';

export interface BailleursMethods {
  envoyerAuBailleur(source: SourceEnvoi, id: Identifier): Promise<{ data: ResultatEnvoi }>;
  envoisCandidature(id: Identifier): Promise<{ data: SuiviCandidature }>;
  envoisOffre(id: Identifier): Promise<{ data: SuiviOffre }>;
  revoquerEnvoi(envoiId: Identifier, motif?: string): Promise<{ data: { envoiId: number; revoque: boolean } }>;
}

export const bailleursMethods: BailleursMethods = {
  async envoyerAuBailleur(source, id) {
    return { data: await postJson<ResultatEnvoi>(`/${source}/${id}/envoyer-bailleur`, {}) };
  },
  async envoisCandidature(id) {
    return { data: await getJson<SuiviCandidature>(`/candidatures/${id}/envois-bailleur`) };
  },
  async envoisOffre(id) {
    return { data: await getJson<SuiviOffre>(`/offres/${id}/envois-bailleur`) };
  },
  async revoquerEnvoi(envoiId, motif) {
    return { data: await postJson<{ envoiId: number; revoque: boolean }>(`/envois-bailleur/${envoiId}/revoquer`, { motif: motif || null }) };
  },
};
