import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19 at national volume: a deep page of demandeurs in name order for a conseiller of 75+92
 * (offset 70 100 of 78 000 in scope) read the 78 000 demandeurs in scope from the GIN index and
 * their heap, then sorted them on disk (68–79 ms of SQL). With the stored départements included in
 * the (nom, id) index, the page's ids come from one index-only scan in name order with the scope as
 * a filter: 18–26 ms.
 */
export class Migration20261207113200_demandeurs_nom_territoire extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index "demandeur_nom_id_idx";`);
    this.addSql(`create index "demandeur_nom_id_idx" on "demandeur" ("nom", "id") include ("departements");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "demandeur_nom_id_idx";`);
    this.addSql(`create index "demandeur_nom_id_idx" on "demandeur" ("nom", "id");`);
  }
}
