import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19 at national volume (200 000 demandeurs, 1 000 000 candidatures): two capped counts
 * (`count(*)` up to 10 001 rows) read the heap of tens of thousands of candidatures.
 * - The list filtered by statut and public (« en_instruction » + « dalo », conseiller of 75+92):
 *   85 000 candidatures of the statut in scope joined to 20 000 dalo demandes, bitmap heap scan of
 *   candidature and a seq scan of demande, 256 ms. `candidature_queue_idx` now includes
 *   `demande_id` (index-only) and `demande (public_cible, id)` gives the demandes: 26–45 ms.
 * - The « Mes dossiers » tab count (`agent_en_charge_id = me`, open statuses, in scope) walked the
 *   statut index, 320 000 entries for 10 001 kept, 56 ms: `candidature_agent_en_charge_id_index`
 *   is now (agent_en_charge_id, statut) include (departement), index-only, 1.4 ms. Same names, same
 *   leading columns: the entities' index declarations still describe them.
 */
export class Migration20261207113100_index_comptes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "candidature_queue_idx";`);
    this.addSql(`create index "candidature_queue_idx" on "candidature" ("departement", "statut", "date_candidature") include ("demande_id");`);
    this.addSql(`drop index "candidature_agent_en_charge_id_index";`);
    this.addSql(`create index "candidature_agent_en_charge_id_index" on "candidature" ("agent_en_charge_id", "statut") include ("departement");`);
    this.addSql(`create index "demande_public_cible_idx" on "demande" ("public_cible", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "demande_public_cible_idx";`);
    this.addSql(`drop index "candidature_agent_en_charge_id_index";`);
    this.addSql(`create index "candidature_agent_en_charge_id_index" on "candidature" ("agent_en_charge_id");`);
    this.addSql(`drop index "candidature_queue_idx";`);
    this.addSql(`create index "candidature_queue_idx" on "candidature" ("departement", "statut", "date_candidature");`);
  }
}
