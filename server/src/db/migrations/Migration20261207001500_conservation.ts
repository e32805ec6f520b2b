import { Migration } from '@mikro-orm/migrations';

/**
 * DATA-RETENTION (shared/rules/conservation.ts): what the daily `conservation` job needs.
 * - `demandeur.ferme_le`: when the account was closed (by the demandeur, §4.2, or by contrôle
 *   fraude); backfilled from the audit log. `demandeur.anonymise_le`: done once, never twice.
 * - `justificatif.fichier_supprime_le`: the row stays (statistics, history), its file is gone.
 * - `fichier_a_supprimer`: files to delete from the storage, written in the transaction that
 *   anonymises their owner and removed once deleted (a crash between the two only delays it).
 */
export class Migration20261207001500_conservation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "demandeur" add column "ferme_le" timestamptz null, add column "anonymise_le" timestamptz null;`);
    this.addSql(`update "demandeur" d set "ferme_le" = coalesce(
        (select max(ae."at") from "audit_event" ae where ae."entite" = 'demandeur' and ae."entite_id" = d."id" and ae."vers" = 'ferme'),
        d."desactive_le",
        (select max(dm."cloture_le") from "demande" dm where dm."demandeur_id" = d."id"),
        d."created_at")
      where d."statut_compte" = 'ferme';`);
    // Whatever path closes an existing account (fermerCompte and desactiverComptes set it with the app's clock), it gets a date.
    // Not on insert: rows inserted already closed (demo seed, imports) keep null and the job falls back on their demande's closure.
    this.addSql(`create function demandeur_ferme_le() returns trigger language plpgsql as $$
      begin
        if new.statut_compte = 'ferme' and new.ferme_le is null then new.ferme_le := now(); end if;
        if new.statut_compte <> 'ferme' then new.ferme_le := null; end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "demandeur_ferme_le" before update of "statut_compte", "ferme_le" on "demandeur" for each row execute function demandeur_ferme_le();`);
    this.addSql(`create index "demandeur_ferme_a_anonymiser_index" on "demandeur" ("id") where "statut_compte" = 'ferme' and "anonymise_le" is null;`);
    this.addSql(`alter table "justificatif" add column "fichier_supprime_le" timestamptz null;`);
    this.addSql(`create table "fichier_a_supprimer" ("sha256" varchar(64) primary key, "depuis" timestamptz not null);`);
    this.addSql(`create index "session_fin_index" on "session" ((coalesce("revoked_at", "expires_at")));`);
    this.addSql(`create index "notification_envoyee_le_index" on "notification" ("envoyee_le") where "statut" = 'envoyee';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "notification_envoyee_le_index";`);
    this.addSql(`drop index if exists "session_fin_index";`);
    this.addSql(`drop table if exists "fichier_a_supprimer";`);
    this.addSql(`drop trigger if exists "demandeur_ferme_le" on "demandeur";`);
    this.addSql(`drop function if exists demandeur_ferme_le();`);
    this.addSql(`alter table "justificatif" drop column "fichier_supprime_le";`);
    this.addSql(`alter table "demandeur" drop column "ferme_le", drop column "anonymise_le";`);
  }
}
