import type { Contribution, NatureOffre, StatutCandidature } from '../../../shared/domain/enums';
import type { EffectifDiffusable } from '../../../shared/rules/statistiques';

/** GET /api/statistiques (managers): anonymised aggregates, R-STATS. */
export interface Statistiques {
  genereLe: string;
  periode: { from: string; to: string };
  candidatures: {
    total: number;
    parStatut: { statut: StatutCandidature; n: number }[];
    parDepartement: { departement: string; n: number; ouvertes: number }[];
    parNature: { nature: NatureOffre; n: number }[];
  };
  delaiDesignation: { n: number; medianeJours: number | null; p90Jours: number | null };
  suspensionsParMois: { mois: string; n: number }[];
  offres: { publiees: number; sansCandidat: number };
  parContribution: { contribution: Contribution; entreprises: EffectifDiffusable; demandesActives: EffectifDiffusable; designations: EffectifDiffusable }[];
}

/** GET /api/candidatures/compteurs: the work-queue tabs of the caller. */
export type { CompteursOnglets as CompteursFile } from '../data/instruction';
