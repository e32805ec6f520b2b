import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19, search at national volume: « martin » matches 4 515 of 200 000 demandeurs. The trigram
 * index finds them, but every candidate row was then rechecked by evaluating
 * als_recherche_demandeur(nom, prenom, email, telephone) — unaccent's dictionary, a regexp, a concat
 * — for each of the ~3 400 heap pages' rows: most of the search's time. The searchable text is now
 * a stored generated column (computed once per write, by PostgreSQL, whoever writes: portal, agents,
 * anonymisation, seeds), indexed by trigrams; the recheck is a LIKE on a stored string (5× faster
 * measured on the national volume). The searches use `recherche` instead of the expression.
 */
export class Migration20261207190000_recherche_stockee extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "demandeur" add column "recherche" text generated always as (als_recherche_demandeur("nom", "prenom", "email", "telephone")) stored;`);
    this.addSql(`drop index "demandeur_recherche_trgm_idx";`);
    this.addSql(`create index "demandeur_recherche_trgm_idx" on "demandeur" using gin ("recherche" gin_trgm_ops);`);
    // The table was rewritten: fresh statistics now (VACUUM, for the visibility map of index-only
    // scans, cannot run in the migration's transaction: README says to run it on a large database).
    this.addSql(`analyze "demandeur";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "demandeur_recherche_trgm_idx";`);
    this.addSql(`alter table "demandeur" drop column "recherche";`);
    this.addSql(`create index "demandeur_recherche_trgm_idx" on "demandeur" using gin (als_recherche_demandeur("nom", "prenom", "email", "telephone") gin_trgm_ops);`);
  }
}
