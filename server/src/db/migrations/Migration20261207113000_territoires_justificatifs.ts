import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19, deep justificatifs pages: the territory scope of a piece was its demande's stored
 * départements (`jd.departements && …`), so a page at offset 100 000 read the deposit-order index
 * and looked up the demande of every row it skipped (≈ 270 000 at national volume for 75+92:
 * 170–260 ms of SQL, goal 100 ms). The départements are now also stored on the piece
 * (`justificatif.departements`, always equal to its demande's) and included in the deposit-order
 * index, so the page's ids come from one index-only scan with the scope as a filter, no join.
 *
 * Kept equal to `demande.departements` in the writing transaction, whoever writes:
 * - a piece inserted (or moved to another demande) takes its demande's départements (BEFORE row
 *   trigger; the demande row is read FOR SHARE, so a concurrent candidature that changes them
 *   either commits first and is seen, or waits for the piece and then updates it too);
 * - a change of `demande.departements` (the candidature triggers of …_territoires_stockes, or any
 *   other write) is copied to its pieces (AFTER row trigger on that column only, when it changed:
 *   the frequent demande updates pay nothing).
 * Backfilled from the demandes. The volume seed disables these triggers during its bulk load and
 * fills the column set-based (seeds/volume/index.ts).
 */
export class Migration20261207113000_territoires_justificatifs extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "justificatif" add column "departements" text[] not null default '{}';`);
    this.addSql(`update "justificatif" j set "departements" = d."departements" from "demande" d
      where d.id = j.demande_id and d."departements" <> '{}';`);
    // Deposit order with the scope and the demande: the page's ids index-only (replaces (depose_le, id) include (demande_id)).
    this.addSql(`create index "justificatif_depose_territoire_idx" on "justificatif" ("depose_le", "id") include ("demande_id", "departements");`);
    this.addSql(`drop index "justificatif_depose_demande_idx";`);
    this.addSql(`analyze "justificatif";`);

    this.addSql(`create function als_justificatif_departements() returns trigger language plpgsql as $$
    begin
      new.departements := coalesce((select d.departements from demande d where d.id = new.demande_id for share), '{}');
      return new;
    end $$;`);
    this.addSql(`create trigger justificatif_departements before insert or update of demande_id on justificatif
      for each row execute function als_justificatif_departements();`);
    this.addSql(`create function als_demande_departements_pieces() returns trigger language plpgsql as $$
    begin
      update justificatif j set departements = new.departements
       where j.demande_id = new.id and j.departements is distinct from new.departements;
      return null;
    end $$;`);
    this.addSql(`create trigger demande_departements_pieces after update of departements on demande
      for each row when (old.departements is distinct from new.departements)
      execute function als_demande_departements_pieces();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger demande_departements_pieces on demande;`);
    this.addSql(`drop trigger justificatif_departements on justificatif;`);
    this.addSql(`drop function als_demande_departements_pieces(); drop function als_justificatif_departements();`);
    this.addSql(`create index "justificatif_depose_demande_idx" on "justificatif" ("depose_le", "id") include ("demande_id");`);
    this.addSql(`drop index "justificatif_depose_territoire_idx";`);
    this.addSql(`alter table "justificatif" drop column "departements";`);
  }
}
