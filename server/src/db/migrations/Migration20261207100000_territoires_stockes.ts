import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19: the territory scope of demandeurs, demandes, justificatifs and suspensions
 * (`departementsCandidatures` in shared/abilities.ts: the départements of the offers the demandeur
 * applied to) was an EXISTS over candidature for every row a list reads (200–750 ms at national
 * volume even with indexes). The départements are now stored where the scope is asked:
 * `demande.departements` (those of the demande's candidatures) and `demandeur.departements` (those
 * of all the demandeur's candidatures), each with a GIN index for `&&`; justificatifs are read in
 * deposit order with their demande from one index (index-only), joined to the demandes in scope.
 *
 * They are derived from candidature (demande_id, demandeur_id, departement) only, so triggers on
 * candidature keep them in the same transaction as the write, whichever code writes (the portal's
 * candidater, a proposition accepted, fixtures, the volume seed): a statement-level trigger for
 * inserts and deletes (set-based: the seed inserts 1 000 000 rows in one statement) and a row-level
 * one for the rare update of those columns (no trigger work for the frequent status updates).
 * The backfill computes them as the EXISTS did.
 */
export class Migration20261207100000_territoires_stockes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "demande" add column "departements" text[] not null default '{}';`);
    this.addSql(`alter table "demandeur" add column "departements" text[] not null default '{}';`);
    this.addSql(`update "demande" d set "departements" = x.deps from (
        select demande_id, array_agg(distinct departement::text order by departement::text) as deps from candidature group by demande_id) x
      where d.id = x.demande_id;`);
    this.addSql(`update "demandeur" dr set "departements" = x.deps from (
        select demandeur_id, array_agg(distinct departement::text order by departement::text) as deps from candidature group by demandeur_id) x
      where dr.id = x.demandeur_id;`);
    this.addSql(`create index "demande_departements_idx" on "demande" using gin ("departements");`);
    this.addSql(`create index "demandeur_departements_idx" on "demandeur" using gin ("departements");`);
    // Justificatifs in deposit order joined to the demandes in scope: index-only, with the demande (replaces (depose_le, id)).
    this.addSql(`create index "justificatif_depose_demande_idx" on "justificatif" ("depose_le", "id") include ("demande_id");`);
    this.addSql(`drop index "justificatif_depose_idx";`);
    this.addSql(`analyze "demande"; analyze "demandeur";`);

    // Recompute for a set of demandes and demandeurs (deletes, moves): exactly the départements of their candidatures.
    // Joined to the ids (not `= any(array)`, a scan of the table per statement): 20 000 deletes took 22 s, 2 s without the trigger.
    this.addSql(`create function als_recalculer_departements(demandes int[], demandeurs int[]) returns void language sql as $$
      update demande d set departements = x.deps from (
          select u.id, coalesce((select array_agg(distinct c.departement::text order by c.departement::text)
                                   from candidature c where c.demande_id = u.id), '{}') as deps
            from (select distinct unnest(demandes) as id) u) x
       where d.id = x.id and d.departements is distinct from x.deps;
      update demandeur dr set departements = x.deps from (
          select u.id, coalesce((select array_agg(distinct c.departement::text order by c.departement::text)
                                   from candidature c where c.demandeur_id = u.id), '{}') as deps
            from (select distinct unnest(demandeurs) as id) u) x
       where dr.id = x.id and dr.departements is distinct from x.deps;
    $$;`);
    // New candidatures only add départements: merge, and leave untouched the rows that already have them.
    this.addSql(`create function als_departements_apres_insert() returns trigger language plpgsql as $$
    begin
      update demande d set departements = array(select distinct x from unnest(d.departements || n.deps) x order by 1)
        from (select demande_id, array_agg(distinct departement::text) as deps from nouvelles group by demande_id) n
       where d.id = n.demande_id and not (n.deps <@ d.departements);
      update demandeur dr set departements = array(select distinct x from unnest(dr.departements || n.deps) x order by 1)
        from (select demandeur_id, array_agg(distinct departement::text) as deps from nouvelles group by demandeur_id) n
       where dr.id = n.demandeur_id and not (n.deps <@ dr.departements);
      return null;
    end $$;`);
    this.addSql(`create function als_departements_apres_delete() returns trigger language plpgsql as $$
    begin
      perform als_recalculer_departements(array(select distinct demande_id from anciennes), array(select distinct demandeur_id from anciennes));
      return null;
    end $$;`);
    this.addSql(`create function als_departements_apres_update() returns trigger language plpgsql as $$
    begin
      perform als_recalculer_departements(array[old.demande_id, new.demande_id], array[old.demandeur_id, new.demandeur_id]);
      return null;
    end $$;`);
    this.addSql(`create trigger candidature_departements_insert after insert on candidature
      referencing new table as nouvelles for each statement execute function als_departements_apres_insert();`);
    this.addSql(`create trigger candidature_departements_delete after delete on candidature
      referencing old table as anciennes for each statement execute function als_departements_apres_delete();`);
    this.addSql(`create trigger candidature_departements_update after update of demande_id, demandeur_id, departement on candidature
      for each row when (old.demande_id is distinct from new.demande_id or old.demandeur_id is distinct from new.demandeur_id
        or old.departement is distinct from new.departement)
      execute function als_departements_apres_update();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger candidature_departements_insert on candidature;`);
    this.addSql(`drop trigger candidature_departements_delete on candidature;`);
    this.addSql(`drop trigger candidature_departements_update on candidature;`);
    this.addSql(`drop function als_departements_apres_insert(); drop function als_departements_apres_delete(); drop function als_departements_apres_update();`);
    this.addSql(`drop function als_recalculer_departements(int[], int[]);`);
    this.addSql(`create index "justificatif_depose_idx" on "justificatif" ("depose_le", "id");`);
    this.addSql(`drop index "justificatif_depose_demande_idx";`);
    this.addSql(`alter table "demande" drop column "departements";`);
    this.addSql(`alter table "demandeur" drop column "departements";`);
  }
}
