/**
 * Loaders of one demandeur's rule inputs (shared/domain/types shapes), in the caller's
 * transaction: suspensions, open demande, active pieces. Used by the portal's use cases
 * (demande, justificatifs, candidatures) and reusable by the agents' ones.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DonneesDemande } from '@shared/domain/demande';
import type { StatutDemande } from '@shared/domain/enums';
import type { JustificatifRules, SuspensionRules } from '@shared/domain/types';
import { soclesDeposes } from '@shared/rules/completude';

/** The open demande as the use cases read it: its data (shared), its entreprise and creation instant. */
export type DemandeRow = DonneesDemande & { entrepriseId: number | null; createdAt: Date };

const COLONNES_DEMANDE = `id, reference, statut, motif_cloture as "motifCloture", cloture_le as "clotureLe", nombre_personnes as "nombrePersonnes", codemandeur, revenu_fiscal_reference as "revenuFiscalReference",
  public_cible as "publicCible", entreprise_id as "entrepriseId", lieu_travail_code_postal as "lieuTravailCodePostal",
  lieu_travail_commune as "lieuTravailCommune", commune_logement_actuel as "communeLogementActuel", secteurs_recherche as "secteursRecherche",
  situations_prioritaires as "situationsPrioritaires", accompagne_service_salaries_en_difficulte as "accompagneServiceSalariesEnDifficulte",
  controle_renforce as "controleRenforce", signale_reattribution as "signaleReattribution", derniere_mise_ajour as "derniereMiseAJour", created_at as "createdAt"`;

/** The demandeur's open demande (statut ≠ cloturee; at most one, partial unique index), locked when asked. */
export async function demandeOuverte(em: EntityManager, demandeurId: number, verrou = false): Promise<DemandeRow | null> {
  const rows = await em.execute<DemandeRow[]>(
    `select ${COLONNES_DEMANDE} from demande where demandeur_id = ? and statut <> 'cloturee'${verrou ? ' for update' : ''}`,
    [demandeurId],
  );
  return rows[0] ?? null;
}

export async function suspensionsDe(em: EntityManager, demandeurId: number): Promise<SuspensionRules[]> {
  return em.execute<SuspensionRules[]>(`select type, debut, fin, levee_le as levee from suspension where demandeur_id = ?`, [demandeurId]);
}

/** Instants of the demandeur's attributions (R-REAPPLY): the audited transition, else the row's last update. */
export async function datesAttribution(em: EntityManager, demandeurId: number): Promise<Date[]> {
  const rows = await em.execute<{ at: Date }[]>(
    `select coalesce((select max(a.at) from audit_event a where a.entite = 'candidature' and a.entite_id = c.id and a.vers = 'attribuee'), c.updated_at) as at
       from candidature c where c.demandeur_id = ? and c.statut = 'attribuee'`,
    [demandeurId],
  );
  return rows.map((r) => r.at);
}

/** Active pieces of a demande (a replaced piece keeps its row with actif = false and never counts). */
export async function justificatifsActifs(em: EntityManager, demandeId: number): Promise<JustificatifRules[]> {
  return em.execute<JustificatifRules[]>(
    `select id, titulaire, type, statut, date_validite_fin as "dateValiditeFin" from justificatif where demande_id = ? and actif order by id`,
    [demandeId],
  );
}

/**
 * Statut of an open demande: `complete` when the pièces socles (identite, ressources,
 * avis_imposition) of the demandeur and, if any, the codemandeur are deposited and unexpired
 * (shared soclesDeposes, the tier-2 rule of R-RANK-CL), else `brouillon`. The form's mandatory
 * fields cannot be missing (NOT NULL columns, validated on PUT). Offer-specific pieces are not
 * required here: they depend on the offer and only move the candidature's palier. Writes only on change.
 */
export async function recalculerStatutDemande(em: EntityManager, d: Pick<DemandeRow, 'id' | 'statut' | 'codemandeur'>, now: Date): Promise<StatutDemande> {
  if (d.statut === 'cloturee') return d.statut;
  const pieces = await justificatifsActifs(em, d.id);
  const statut: StatutDemande = soclesDeposes({ codemandeur: d.codemandeur !== null }, pieces, now) ? 'complete' : 'brouillon';
  if (statut !== d.statut) await em.execute(`update demande set statut = ? where id = ?`, [statut, d.id]);
  return statut;
}
