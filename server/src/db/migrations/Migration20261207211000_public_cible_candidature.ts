import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19 at national volume: the queue filtered by public cible (« en instruction » + DALO, a
 * conseiller of 75 and 92) joined the 85 755 candidatures in scope to the 20 074 DALO demandes to count
 * 8 645 rows (16 ms of a 46 ms p95), and read 650 rows of the statut's index to fill its first page.
 * The demande's public cible is now copied on each candidature (as `departement` and `nature` are from
 * the offer) and an index serves (public cible, département, statut) in date order: the count is one
 * index range, the page its first 25 entries.
 *
 * Triggers keep the copy in the writer's transaction, whichever code writes: before insert, from the
 * demande read `for share` (as the pieces' territories are: a change of the demande not yet committed
 * is waited for, else it would miss the new row and leave the old value on it) — the portal's candidater,
 * a proposition accepted, fixtures, the volume seed; after a
 * demande's public cible changes, on its candidatures (same lock order as the palier refresh, which
 * already updates them after the demande). The backfill copies it once.
 */
export class Migration20261207211000_public_cible_candidature extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "candidature" add column "public_cible" text check ("public_cible" in ('peec', 'peaec', 'pseec', 'dalo', 'daho', 'hors_public_cible')) null;`);
    this.addSql(`update "candidature" c set "public_cible" = d.public_cible from "demande" d where d.id = c.demande_id;`);
    this.addSql(`alter table "candidature" alter column "public_cible" set not null;`);
    this.addSql(`create function als_public_cible_candidature() returns trigger language plpgsql as $$
    begin
      new.public_cible := (select d.public_cible from demande d where d.id = new.demande_id for share);
      return new;
    end $$;`);
    this.addSql(`create trigger candidature_public_cible before insert or update of demande_id on candidature
      for each row execute function als_public_cible_candidature();`);
    this.addSql(`create function als_public_cible_demande() returns trigger language plpgsql as $$
    begin
      update candidature set public_cible = new.public_cible where demande_id = new.id and public_cible is distinct from new.public_cible;
      return null;
    end $$;`);
    this.addSql(`create trigger demande_public_cible after update of public_cible on demande
      for each row when (old.public_cible is distinct from new.public_cible) execute function als_public_cible_demande();`);
    this.addSql(`create index "candidature_public_cible_idx" on "candidature" ("public_cible", "departement", "statut", "date_candidature", "id");`);
    this.addSql(`analyze "candidature";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "candidature_public_cible_idx";`);
    this.addSql(`drop trigger demande_public_cible on demande;`);
    this.addSql(`drop function als_public_cible_demande();`);
    this.addSql(`drop trigger candidature_public_cible on candidature;`);
    this.addSql(`drop function als_public_cible_candidature();`);
    this.addSql(`alter table "candidature" drop column "public_cible";`);
  }
}
