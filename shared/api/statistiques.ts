import type { Contribution, NatureOffre, StatutCandidature } from '@shared/domain/enums';
import type { EffectifDiffusable } from '@shared/rules/statistiques';

/**
 * GET /api/statistiques (managers): the dashboard's anonymised aggregates (R-STATS, §18.4),
 * computed in SQL by server/src/modules/statistiques and drawn by console/src/dashboard.
 * Counts and durations only, never a name, an id or a row.
 */
export interface Statistiques {
  /** ISO 8601 instant of the computation. */
  genereLe: string;
  /** Paris calendar days, inclusive ('YYYY-MM-DD'). */
  periode: { from: string; to: string };
  candidatures: {
    total: number;
    parStatut: { statut: StatutCandidature; n: number }[];
    parDepartement: { departement: string; n: number; ouvertes: number }[];
    parNature: { nature: NatureOffre; n: number }[];
  };
  /** From dateCandidature to designeeLe, designations in the period, in days. */
  delaiDesignation: { n: number; medianeJours: number | null; p90Jours: number | null };
  suspensionsParMois: { mois: string; n: number }[];
  offres: { publiees: number; sansCandidat: number };
  /** Entreprise-facing: counts under 5 withheld. */
  parContribution: { contribution: Contribution; entreprises: EffectifDiffusable; demandesActives: EffectifDiffusable; designations: EffectifDiffusable }[];
}
