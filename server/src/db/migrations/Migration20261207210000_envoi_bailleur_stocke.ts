import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19 at national volume: « Sans réponse du bailleur » (its tab, its badge in `compteurs`,
 * R-BAIL-RELANCE's reminders) asked, for every transmitted candidature of the scope, when it was
 * first sent to its bailleur: one `min(envoye_le)` subquery per row (11 652 of them, 13 ms of the
 * tab counts). That date is now stored on the candidature (`envoyee_bailleur_le`, the first envoi),
 * and the wait (first envoi, else designation) is served by a partial index of the transmitted ones.
 *
 * Envois are only ever added (none is updated or deleted), so a statement-level trigger on
 * `bailleur_envoi_candidature` keeps the column in the sender's transaction, whichever code inserts;
 * the earliest date wins. The backfill computes it as the subquery did.
 */
export class Migration20261207210000_envoi_bailleur_stocke extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "candidature" add column "envoyee_bailleur_le" timestamptz null;`);
    this.addSql(`update "candidature" c set "envoyee_bailleur_le" = x.premier from (
        select candidature_id, min(envoye_le) as premier from bailleur_envoi_candidature group by candidature_id) x
      where c.id = x.candidature_id;`);
    this.addSql(`create function als_premier_envoi_bailleur() returns trigger language plpgsql as $$
    begin
      update candidature c set envoyee_bailleur_le = n.premier
        from (select candidature_id, min(envoye_le) as premier from nouveaux group by candidature_id) n
       where c.id = n.candidature_id and (c.envoyee_bailleur_le is null or c.envoyee_bailleur_le > n.premier);
      return null;
    end $$;`);
    this.addSql(`create trigger bailleur_envoi_candidature_premier after insert on bailleur_envoi_candidature
      referencing new table as nouveaux for each statement execute function als_premier_envoi_bailleur();`);
    this.addSql(`create index "candidature_attente_bailleur_idx" on "candidature" ("departement", (coalesce("envoyee_bailleur_le", "designee_le"))) where "statut" = 'transmise_bailleur';`);
    this.addSql(`analyze "candidature";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "candidature_attente_bailleur_idx";`);
    this.addSql(`drop trigger bailleur_envoi_candidature_premier on bailleur_envoi_candidature;`);
    this.addSql(`drop function als_premier_envoi_bailleur();`);
    this.addSql(`alter table "candidature" drop column "envoyee_bailleur_le";`);
  }
}
