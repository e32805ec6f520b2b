import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19: indexes matching each list's filter + sort, so that a page (even a deep one) is an
 * index(-only) scan in the sort order instead of a sort of every row of the scope.
 * - candidatures « Toutes »/« Traitées » sorted by date: (date_candidature, id) with the scope
 *   and tab columns included (departement, statut) — read forwards or backwards;
 * - the status tabs (« En instruction », « Transmises », a statut filter): (statut, date, id);
 * - « À traiter » (deposee, untaken): a partial index in date order;
 * - R-RANK: the rank of a row counts the better-placed open candidatures of its offer in a
 *   partial index (offre_id, palier, date_candidature, id) where the candidature is open; it
 *   covers GET /api/offres/:id/classement's columns (index-only scan, no heap visit per row);
 * - the territory scope of demandeurs and justificatifs (EXISTS over candidature): index-only
 *   on (demandeur_id | demande_id, departement);
 * - justificatifs by (statut, depose_le, id) and (depose_le, id); demandeurs by (nom, id).
 */
export class Migration20261207090000_index_listes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "candidature_date_idx" on "candidature" ("date_candidature", "id") include ("departement", "statut");`);
    this.addSql(`create index "candidature_statut_date_idx" on "candidature" ("statut", "date_candidature", "id") include ("departement", "agent_en_charge_id");`);
    this.addSql(`create index "candidature_a_traiter_date_idx" on "candidature" ("date_candidature", "id") include ("departement") where "statut" = 'deposee' and "agent_en_charge_id" is null;`);
    this.addSql(`create index "candidature_classement_idx" on "candidature" ("offre_id", "palier", "date_candidature", "id") include ("statut", "demandeur_id", "reference", "agent_en_charge_id") where "statut" in ('deposee', 'en_instruction', 'transmise_bailleur');`);
    this.addSql(`create index "candidature_demandeur_departement_idx" on "candidature" ("demandeur_id", "departement");`);
    this.addSql(`create index "candidature_demande_departement_idx" on "candidature" ("demande_id", "departement");`);
    this.addSql(`create index "justificatif_statut_depose_idx" on "justificatif" ("statut", "depose_le", "id");`);
    this.addSql(`create index "justificatif_depose_idx" on "justificatif" ("depose_le", "id");`);
    this.addSql(`create index "demandeur_nom_id_idx" on "demandeur" ("nom", "id");`);
  }

  override async down(): Promise<void> {
    for (const i of ['candidature_date_idx', 'candidature_statut_date_idx', 'candidature_a_traiter_date_idx', 'candidature_classement_idx',
      'candidature_demandeur_departement_idx', 'candidature_demande_departement_idx', 'justificatif_statut_depose_idx', 'justificatif_depose_idx',
      'demandeur_nom_id_idx']) this.addSql(`drop index "${i}";`);
  }
}
