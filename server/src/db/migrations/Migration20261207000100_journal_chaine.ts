import { Migration } from '@mikro-orm/migrations';

/**
 * DATA-AUDIT-CHAIN: the audit log proves itself.
 *
 * - Each audit_event gets a place in one chain (`chaine_seq`, contiguous from 1), the day of
 *   its chain segment (`jour`, Paris), the previous event's hash and its own:
 *   `hash = sha256(hash_precedent || audit_canonique(event))`, the first previous hash being
 *   64 zeros. `audit_canonique` is the jsonb text of every column in a fixed order (jsonb
 *   normalises `details`, timestamps are written in UTC to the microsecond).
 * - Chaining is asynchronous (`audit_chainer`, called by the `audit-chainage` job every minute
 *   and before a verification): inserting an event takes no lock, so the application's
 *   transactions never wait on one another for the journal (a lock held from the insert to
 *   the commit would serialise every writing transaction and deadlock with their row locks).
 *   One chainer at a time (transaction advisory lock); it appends the committed, unchained
 *   events in id order, so an event committed late is simply appended later.
 * - Each finished day's last hash is written to `audit_jour` (append-only).
 * - Triggers refuse UPDATE, DELETE and TRUNCATE on both tables; the only update allowed on
 *   audit_event is the chainer's one-time filling of the chain columns, every other column
 *   unchanged.
 */
export class Migration20261207000100_journal_chaine extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" add column "chaine_seq" bigint null, add column "jour" date null,
      add column "hash_precedent" char(64) null, add column "hash" char(64) null;`);
    this.addSql(`create unique index "audit_event_chaine_seq_unique" on "audit_event" ("chaine_seq");`);
    this.addSql(`create index "audit_event_non_chaine_index" on "audit_event" ("id") where "chaine_seq" is null;`);
    this.addSql(`create table "audit_jour" ("jour" date primary key, "premier_seq" bigint not null, "dernier_seq" bigint not null,
      "nombre" int not null, "dernier_hash" char(64) not null, "scelle_le" timestamptz not null default clock_timestamp());`);

    this.addSql(`create function audit_canonique(e audit_event) returns text language sql immutable as $$
      select jsonb_build_array(e.chaine_seq, e.jour, e.id, to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        e.acteur_type, e.acteur_id, e.action, e.entite, e.entite_id, e.de, e.vers, e.motif, e.details, e.fraude, e.ip)::text
    $$;`);
    this.addSql(`create function audit_hash(precedent text, e audit_event) returns char(64) language sql immutable as $$
      select encode(sha256(convert_to(precedent || audit_canonique(e), 'UTF8')), 'hex')
    $$;`);

    this.addSql(`create function audit_ajout_seul() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' and tg_table_name = 'audit_event' then
          -- plpgsql resolves every field of an expression: audit_jour's rows never reach this test.
          if old.chaine_seq is null and new.chaine_seq is not null
             and (old.id, old.at, old.acteur_type, old.acteur_id, old.action, old.entite, old.entite_id, old.de, old.vers, old.motif, old.details, old.fraude, old.ip)
                 is not distinct from
                 (new.id, new.at, new.acteur_type, new.acteur_id, new.action, new.entite, new.entite_id, new.de, new.vers, new.motif, new.details, new.fraude, new.ip)
          then
            return new;
          end if;
        end if;
        raise exception 'journal d''audit en ajout seul : % refusé sur %', tg_op, tg_table_name using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(`create trigger "audit_event_ajout_seul" before update or delete on "audit_event" for each row execute function audit_ajout_seul();`);
    this.addSql(`create trigger "audit_event_sans_troncature" before truncate on "audit_event" for each statement execute function audit_ajout_seul();`);
    this.addSql(`create trigger "audit_jour_ajout_seul" before update or delete on "audit_jour" for each row execute function audit_ajout_seul();`);
    this.addSql(`create trigger "audit_jour_sans_troncature" before truncate on "audit_jour" for each statement execute function audit_ajout_seul();`);

    // Appends at most `lot` unchained events (id order) to the chain, then seals every day before
    // `maintenant`'s Paris day that has no seal yet. Returns the number chained, or -1 when another
    // chainer holds the lock and `attendre` is false.
    this.addSql(`create function audit_chainer(maintenant timestamptz, lot int, attendre boolean) returns int language plpgsql as $$
      declare
        tete record;
        e audit_event;
        aujourdhui date := (maintenant at time zone 'Europe/Paris')::date;
        jour_courant date;
        n int := 0;
      begin
        if attendre then
          perform pg_advisory_xact_lock(hashtext('audit_chainer'));
        elsif not pg_try_advisory_xact_lock(hashtext('audit_chainer')) then
          return -1;
        end if;
        select chaine_seq, jour, hash into tete from audit_event where chaine_seq is not null order by chaine_seq desc limit 1;
        jour_courant := greatest(tete.jour, aujourdhui);
        for e in select * from audit_event where chaine_seq is null order by id limit lot for update loop
          e.chaine_seq := coalesce(tete.chaine_seq, 0) + 1;
          e.jour := jour_courant;
          e.hash_precedent := coalesce(tete.hash, repeat('0', 64));
          e.hash := audit_hash(e.hash_precedent, e);
          update audit_event set chaine_seq = e.chaine_seq, jour = e.jour, hash_precedent = e.hash_precedent, hash = e.hash where id = e.id;
          tete.chaine_seq := e.chaine_seq;
          tete.jour := e.jour;
          tete.hash := e.hash;
          n := n + 1;
        end loop;
        insert into audit_jour (jour, premier_seq, dernier_seq, nombre, dernier_hash)
          select d.jour, d.premier, d.dernier, d.nombre, (select hash from audit_event where chaine_seq = d.dernier)
            from (select jour, min(chaine_seq) as premier, max(chaine_seq) as dernier, count(*)::int as nombre
                    from audit_event where chaine_seq > coalesce((select max(dernier_seq) from audit_jour), 0) and jour < aujourdhui
                    group by jour) d
          order by d.jour;
        return n;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_event_ajout_seul" on "audit_event";`);
    this.addSql(`drop trigger if exists "audit_event_sans_troncature" on "audit_event";`);
    this.addSql(`drop function if exists audit_chainer(timestamptz, int, boolean);`);
    this.addSql(`drop table if exists "audit_jour";`);
    this.addSql(`drop function if exists audit_ajout_seul();`);
    this.addSql(`drop function if exists audit_hash(text, audit_event);`);
    this.addSql(`drop function if exists audit_canonique(audit_event);`);
    this.addSql(`alter table "audit_event" drop column "chaine_seq", drop column "jour", drop column "hash_precedent", drop column "hash";`);
  }
}
