import { Migration } from '@mikro-orm/migrations';

/**
 * Bailleurs receive the designations and answer (issue #18): envois of candidatures to their bailleur,
 * the access links (token hash only), each opening and download, the bailleur's decisions (one per
 * candidature) and the one reminder per candidature; the bailleur becomes an actor of the audit and
 * a kind of (short) session.
 */
export class Migration20261206201408_bailleurs_envois extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "bailleur_envoi" ("id" serial primary key, "bailleur_id" int not null, "origine" text check ("origine" in ('candidature', 'offre', 'export', 'relance')) not null, "offre_id" int null, "export_id" int null, "agent_id" int null, "destinataire" varchar(254) not null, "envoye_le" timestamptz not null, "nombre_candidatures" int not null);`);
    this.addSql(`create index "bailleur_envoi_offre_id_index" on "bailleur_envoi" ("offre_id");`);
    this.addSql(`create index "bailleur_envoi_export_id_index" on "bailleur_envoi" ("export_id");`);
    this.addSql(`create index "bailleur_envoi_bailleur_id_envoye_le_index" on "bailleur_envoi" ("bailleur_id", "envoye_le");`);

    this.addSql(`create table "bailleur_relance" ("candidature_id" int not null, "envoi_id" int not null, "relance_le" timestamptz not null, constraint "bailleur_relance_pkey" primary key ("candidature_id"));`);

    this.addSql(`create table "bailleur_lien" ("id" serial primary key, "envoi_id" int not null, "bailleur_id" int not null, "token_hash" varchar(64) not null, "cree_le" timestamptz not null, "expire_le" timestamptz not null, "revoque_le" timestamptz null, "revoque_par_id" int null, "motif_revocation" varchar(500) null);`);
    this.addSql(`create index "bailleur_lien_envoi_id_index" on "bailleur_lien" ("envoi_id");`);
    this.addSql(`alter table "bailleur_lien" add constraint "bailleur_lien_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "bailleur_decision" ("candidature_id" int not null, "bailleur_id" int not null, "lien_id" int not null, "decision" text check ("decision" in ('attribuee', 'non_retenue')) not null, "motif" text check ("motif" in ('autre_candidat_retenu', 'ressources_insuffisantes', 'ressources_superieures_plafond', 'logement_inadapte_foyer', 'dossier_incomplet', 'desistement_candidat', 'candidat_injoignable', 'refus_caleol', 'autre')) null, "commentaire" varchar(800) null, "date_caleol" date not null, "source" text check ("source" in ('page', 'tableau')) not null, "ligne" int null, "decide_le" timestamptz not null, "ip" varchar(64) null, constraint "bailleur_decision_pkey" primary key ("candidature_id"));`);

    this.addSql(`create table "bailleur_acces" ("id" bigserial primary key, "lien_id" int not null, "bailleur_id" int not null, "type" text check ("type" in ('ouverture', 'telechargement_dossier', 'telechargement_tableau', 'decision', 'import_tableau')) not null, "candidature_id" int null, "at" timestamptz not null, "ip" varchar(64) null, "details" jsonb null);`);
    this.addSql(`create index "bailleur_acces_lien_id_type_at_index" on "bailleur_acces" ("lien_id", "type", "at");`);
    this.addSql(`create index "bailleur_acces_candidature_id_type_at_index" on "bailleur_acces" ("candidature_id", "type", "at");`);

    this.addSql(`create table "bailleur_envoi_candidature" ("envoi_id" int not null, "candidature_id" int not null, "envoye_le" timestamptz not null, constraint "bailleur_envoi_candidature_pkey" primary key ("envoi_id", "candidature_id"));`);
    this.addSql(`create index "bailleur_envoi_candidature_candidature_id_envoye_le_index" on "bailleur_envoi_candidature" ("candidature_id", "envoye_le");`);

    this.addSql(`alter table "bailleur_envoi" add constraint "bailleur_envoi_bailleur_id_foreign" foreign key ("bailleur_id") references "bailleur" ("id") on update cascade;`);
    this.addSql(`alter table "bailleur_envoi" add constraint "bailleur_envoi_offre_id_foreign" foreign key ("offre_id") references "offre" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "bailleur_envoi" add constraint "bailleur_envoi_export_id_foreign" foreign key ("export_id") references "export" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "bailleur_envoi" add constraint "bailleur_envoi_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "bailleur_relance" add constraint "bailleur_relance_candidature_id_foreign" foreign key ("candidature_id") references "candidature" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "bailleur_relance" add constraint "bailleur_relance_envoi_id_foreign" foreign key ("envoi_id") references "bailleur_envoi" ("id") on update cascade;`);

    this.addSql(`alter table "bailleur_lien" add constraint "bailleur_lien_envoi_id_foreign" foreign key ("envoi_id") references "bailleur_envoi" ("id") on update cascade;`);
    this.addSql(`alter table "bailleur_lien" add constraint "bailleur_lien_bailleur_id_foreign" foreign key ("bailleur_id") references "bailleur" ("id") on update cascade;`);
    this.addSql(`alter table "bailleur_lien" add constraint "bailleur_lien_revoque_par_id_foreign" foreign key ("revoque_par_id") references "agent" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "bailleur_decision" add constraint "bailleur_decision_candidature_id_foreign" foreign key ("candidature_id") references "candidature" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "bailleur_decision" add constraint "bailleur_decision_bailleur_id_foreign" foreign key ("bailleur_id") references "bailleur" ("id") on update cascade;`);
    this.addSql(`alter table "bailleur_decision" add constraint "bailleur_decision_lien_id_foreign" foreign key ("lien_id") references "bailleur_lien" ("id") on update cascade;`);

    this.addSql(`alter table "bailleur_acces" add constraint "bailleur_acces_lien_id_foreign" foreign key ("lien_id") references "bailleur_lien" ("id") on update cascade;`);
    this.addSql(`alter table "bailleur_acces" add constraint "bailleur_acces_bailleur_id_foreign" foreign key ("bailleur_id") references "bailleur" ("id") on update cascade;`);
    this.addSql(`alter table "bailleur_acces" add constraint "bailleur_acces_candidature_id_foreign" foreign key ("candidature_id") references "candidature" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "bailleur_envoi_candidature" add constraint "bailleur_envoi_candidature_envoi_id_foreign" foreign key ("envoi_id") references "bailleur_envoi" ("id") on update cascade;`);
    this.addSql(`alter table "bailleur_envoi_candidature" add constraint "bailleur_envoi_candidature_candidature_id_foreign" foreign key ("candidature_id") references "candidature" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "audit_event" drop constraint if exists "audit_event_acteur_type_check";`);

    this.addSql(`alter table "session" drop constraint if exists "session_kind_check";`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_acteur_type_check" check("acteur_type" in ('agent', 'demandeur', 'systeme', 'bailleur'));`);

    this.addSql(`alter table "session" add constraint "session_kind_check" check("kind" in ('agent', 'demandeur', 'bailleur'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "bailleur_relance" drop constraint "bailleur_relance_envoi_id_foreign";`);

    this.addSql(`alter table "bailleur_lien" drop constraint "bailleur_lien_envoi_id_foreign";`);

    this.addSql(`alter table "bailleur_envoi_candidature" drop constraint "bailleur_envoi_candidature_envoi_id_foreign";`);

    this.addSql(`alter table "bailleur_decision" drop constraint "bailleur_decision_lien_id_foreign";`);

    this.addSql(`alter table "bailleur_acces" drop constraint "bailleur_acces_lien_id_foreign";`);

    this.addSql(`drop table if exists "bailleur_envoi" cascade;`);

    this.addSql(`drop table if exists "bailleur_relance" cascade;`);

    this.addSql(`drop table if exists "bailleur_lien" cascade;`);

    this.addSql(`drop table if exists "bailleur_decision" cascade;`);

    this.addSql(`drop table if exists "bailleur_acces" cascade;`);

    this.addSql(`drop table if exists "bailleur_envoi_candidature" cascade;`);

    this.addSql(`alter table "audit_event" drop constraint if exists "audit_event_acteur_type_check";`);

    this.addSql(`alter table "session" drop constraint if exists "session_kind_check";`);

    this.addSql(`alter table "audit_event" add constraint "audit_event_acteur_type_check" check("acteur_type" in ('agent', 'demandeur', 'systeme'));`);

    this.addSql(`alter table "session" add constraint "session_kind_check" check("kind" in ('agent', 'demandeur'));`);
  }

}
