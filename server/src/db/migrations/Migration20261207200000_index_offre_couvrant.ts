import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19 at national volume: the candidatures of one offer sorted by rang (the classement as a
 * list, open ones first) and their capped count read every candidature of the offer from the heap
 * to learn its statut and département (4 355 rows, 3 989 pages, 12.5 ms each, for an offer of
 * 2 333 open candidatures). `candidature_offre_palier_idx` now carries them (include): both are
 * index-only scans, 1–2 ms. Same name and leading columns: the entity's declaration still describes it.
 */
export class Migration20261207200000_index_offre_couvrant extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "candidature_offre_palier_idx";`);
    this.addSql(`create index "candidature_offre_palier_idx" on "candidature" ("offre_id", "palier", "date_candidature", "id") include ("statut", "departement");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "candidature_offre_palier_idx";`);
    this.addSql(`create index "candidature_offre_palier_idx" on "candidature" ("offre_id", "palier", "date_candidature", "id");`);
  }
}
