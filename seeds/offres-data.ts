/** Reference figures for the offers: surfaces by typologie, rents per m², plafonds de ressources. */
import type { Reglementation, Typologie } from '@shared/domain/enums';

/** Surface range (m²) of each typologie. */
export const SURFACES: Record<Typologie, [number, number]> = {
  chambre: [10, 16],
  studio: [18, 30],
  T1: [25, 34],
  T2: [38, 52],
  T3: [56, 72],
  T4: [74, 90],
  T5: [88, 110],
  T6: [105, 130],
};

/** Monthly rent (€ / m², hors charges) by département and reglementation. */
export const PRIX_M2: Record<string, Record<Reglementation, number>> = {
  '75': { plai: 6.5, plus: 7.5, pls: 13, pli: 19, libre: 30, residence_temporaire: 24 },
  '92': { plai: 6.2, plus: 7.2, pls: 12, pli: 17, libre: 24, residence_temporaire: 20 },
  '69': { plai: 5.6, plus: 6.4, pls: 9.5, pli: 11.5, libre: 14, residence_temporaire: 16 },
  '33': { plai: 5.4, plus: 6.2, pls: 9, pli: 11, libre: 13.5, residence_temporaire: 15 },
};

/** PLUS plafonds (revenu fiscal de référence, €) by household size 1..6: Île-de-France, other regions. */
const PLUS_IDF = [25165, 37611, 49303, 58866, 70041, 78813];
const PLUS_AUTRES = [24316, 32473, 39051, 47144, 55459, 62501];

/** Each reglementation's plafond as a share of PLUS: plai lowest, pls/pli higher, libre high. */
const FACTEUR: Record<Reglementation, number> = { plai: 0.55, plus: 1, pls: 1.3, pli: 1.4, libre: 2, residence_temporaire: 1.1 };

export function plafonds(departement: string, reglementation: Reglementation): Record<string, number> {
  const base = departement === '75' || departement === '92' ? PLUS_IDF : PLUS_AUTRES;
  const out: Record<string, number> = {};
  base.forEach((v, i) => (out[String(i + 1)] = Math.round(v * FACTEUR[reglementation])));
  return out;
}

export const MOTIFS_DEPUBLICATION = [
  'Logement attribué hors plateforme par la commission du bailleur',
  'Erreur de saisie sur le loyer : offre à republier après correction',
];
export const MOTIF_REPRISE = 'Logement repris par le bailleur (vente du lot), candidatures en cours clôturées';
