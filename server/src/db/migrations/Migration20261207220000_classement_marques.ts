import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19: `GET /api/offres/:id/classement` answers the whole ranking (2 333 rows, 787 KB for the
 * busiest offer at national volume). PostgreSQL spends 20–30 ms writing that JSON on every request,
 * over the 25 ms goal by itself. The API now keeps the answer (offres/classementCache.ts) and serves
 * it again only while nothing it was built from has changed; these tables say whether it has.
 *
 * `classement_marque`: one row per (offer, writing transaction) whose classement changed — a
 * candidature inserted, deleted or updated on a column the classement shows, while open before or
 * after; a demandeur's nom or prénom with open candidatures. (An offer's nature, which names the
 * paliers, is part of the kept answer's key.)
 * The writer's top-level transaction id is the key's second half, so writers never wait on each
 * other's rows (no lock taken on the offer, none between a candidature and its offer: no new
 * deadlock). Triggers write them in the writer's transaction, whichever code writes.
 *
 * A kept answer records the snapshot it was read in (`pg_current_snapshot()`, same statement): it is
 * still exact when no mark of its offer is visible now that was not visible then
 * (`pg_visible_in_snapshot`): a writer still running when it was built, and committed since, is
 * seen. `classement_epoque`: the hourly purge deletes the marks of transactions older than every
 * running one and moves the epoch in the same statement; a kept answer of an earlier epoch is
 * rebuilt. The epoch is a transaction id, never the same twice.
 */
export class Migration20261207220000_classement_marques extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "classement_marque" ("offre_id" int not null, "xid" xid8 not null default pg_current_xact_id(), primary key ("offre_id", "xid"));`);
    this.addSql(`create table "classement_epoque" ("id" smallint primary key check ("id" = 1), "epoque" xid8 not null);`);
    this.addSql(`insert into "classement_epoque" ("id", "epoque") values (1, pg_current_xact_id());`);
    this.addSql(`create function als_classement_candidatures() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into classement_marque (offre_id)
          select distinct offre_id from nouvelles where statut in ('deposee', 'en_instruction', 'transmise_bailleur')
        on conflict do nothing;
      elsif tg_op = 'DELETE' then
        insert into classement_marque (offre_id)
          select distinct offre_id from anciennes where statut in ('deposee', 'en_instruction', 'transmise_bailleur')
        on conflict do nothing;
      else
        insert into classement_marque (offre_id)
          select distinct x.offre_id
            from anciennes a join nouvelles n on n.id = a.id
            cross join lateral (values (a.offre_id), (n.offre_id)) x (offre_id)
           where (a.statut in ('deposee', 'en_instruction', 'transmise_bailleur') or n.statut in ('deposee', 'en_instruction', 'transmise_bailleur'))
             and (a.offre_id, a.statut, a.palier, a.date_candidature, a.demandeur_id, a.reference, a.agent_en_charge_id)
                 is distinct from (n.offre_id, n.statut, n.palier, n.date_candidature, n.demandeur_id, n.reference, n.agent_en_charge_id)
        on conflict do nothing;
      end if;
      return null;
    end $$;`);
    this.addSql(`create trigger candidature_classement_insert after insert on candidature
      referencing new table as nouvelles for each statement execute function als_classement_candidatures();`);
    this.addSql(`create trigger candidature_classement_update after update on candidature
      referencing old table as anciennes new table as nouvelles for each statement execute function als_classement_candidatures();`);
    this.addSql(`create trigger candidature_classement_delete after delete on candidature
      referencing old table as anciennes for each statement execute function als_classement_candidatures();`);
    this.addSql(`create function als_classement_demandeur() returns trigger language plpgsql as $$
    begin
      insert into classement_marque (offre_id)
        select distinct offre_id from candidature where demandeur_id = new.id and statut in ('deposee', 'en_instruction', 'transmise_bailleur')
      on conflict do nothing;
      return null;
    end $$;`);
    this.addSql(`create trigger demandeur_classement after update of nom, prenom on demandeur
      for each row when (old.nom is distinct from new.nom or old.prenom is distinct from new.prenom) execute function als_classement_demandeur();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger demandeur_classement on demandeur;`);
    this.addSql(`drop function als_classement_demandeur();`);
    this.addSql(`drop trigger candidature_classement_delete on candidature;`);
    this.addSql(`drop trigger candidature_classement_update on candidature;`);
    this.addSql(`drop trigger candidature_classement_insert on candidature;`);
    this.addSql(`drop function als_classement_candidatures();`);
    this.addSql(`drop table "classement_epoque";`);
    this.addSql(`drop table "classement_marque";`);
  }
}
