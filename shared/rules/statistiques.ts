/**
 * R-STATS (§18.4): statistics are computed on anonymised data. Figures are counts and durations
 * only — never a name, an id or a row. In figures an entreprise sees (the summary of its report,
 * any breakdown by entreprise) a count below SEUIL_SECRET_STATISTIQUE could single a person out:
 * it is withheld (`valeur: null`, `masque: true`). Zero is no one and is shown.
 */
export const SEUIL_SECRET_STATISTIQUE = 5;

export interface EffectifDiffusable {
  /** The count, or null when withheld. */
  valeur: number | null;
  /** True when the count was withheld (1 to SEUIL_SECRET_STATISTIQUE − 1). */
  masque: boolean;
}

/** R-STATS: a count as an entreprise may see it (1..4 withheld). */
export function effectifDiffusable(n: number): EffectifDiffusable {
  const masque = n > 0 && n < SEUIL_SECRET_STATISTIQUE;
  return { valeur: masque ? null : n, masque };
}
