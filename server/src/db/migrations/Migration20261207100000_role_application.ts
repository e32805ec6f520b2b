import { Migration } from '@mikro-orm/migrations';

/**
 * DATA-AUDIT-CHAIN (issue #14): a database role for the application that may append to the audit
 * log but never rewrite it. The triggers (journal_chaine) refuse UPDATE/DELETE/TRUNCATE, but the
 * owner of a table may disable its triggers; `als_application` owns nothing, has no UPDATE, DELETE
 * or TRUNCATE on `audit_event` and `audit_jour`, and cannot set `session_replication_role`.
 *
 * Created where the database allows (the migrating user is superuser or has CREATEROLE); elsewhere
 * nothing happens and a DBA can create it the same way. The app uses it when DATABASE_APP_ROLE is
 * set (every pooled connection starts with `role=als_application`); migrations and pg-boss keep the
 * owner. The chainer's one allowed UPDATE runs as the owner (SECURITY DEFINER). The role is global to
 * the cluster (several databases, several test runs): created once, granted per database.
 */
export class Migration20261207100000_role_application extends Migration {
  override async up(): Promise<void> {
    this.addSql(`do $$
      declare
        peut boolean := exists (select 1 from pg_roles where rolname = current_user and (rolsuper or rolcreaterole));
      begin
        if not exists (select 1 from pg_roles where rolname = 'als_application') and peut then
          begin
            create role als_application nologin;
          exception when duplicate_object or unique_violation then null; -- another database of the cluster made it meanwhile
          end;
        end if;
        if not exists (select 1 from pg_roles where rolname = 'als_application') then
          raise notice 'rôle als_application non créé (ni superutilisateur ni CREATEROLE) : journal protégé par ses déclencheurs seulement';
          return;
        end if;
        if not exists (select 1 from pg_roles where rolname = current_user and rolsuper) then
          begin
            execute format('grant als_application to %I', current_user); -- SET ROLE needs membership
          exception when others then null;
          end;
        end if;
        grant usage on schema public to als_application;
        grant select, insert, update, delete on all tables in schema public to als_application;
        grant usage, select, update on all sequences in schema public to als_application;
        revoke update, delete, truncate on audit_event, audit_jour from als_application;
        alter default privileges in schema public grant select, insert, update, delete on tables to als_application;
        alter default privileges in schema public grant usage, select, update on sequences to als_application;
        alter function audit_chainer(timestamptz, int, boolean) security definer set search_path = public, pg_temp;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`do $$ begin
      if exists (select 1 from pg_roles where rolname = 'als_application') then
        alter function audit_chainer(timestamptz, int, boolean) security invoker reset search_path;
        alter default privileges in schema public revoke all on tables from als_application;
        alter default privileges in schema public revoke all on sequences from als_application;
        revoke all on all tables in schema public from als_application;
        revoke all on all sequences in schema public from als_application;
        revoke usage on schema public from als_application;
      end if;
    end $$;`);
  }
}
