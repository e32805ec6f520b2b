import { Migration } from '@mikro-orm/migrations';

export class Migration20261129010553_taches_inactivite extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "inactivite_etape" ("id" serial primary key, "demande_id" int not null, "cycle" varchar(30) not null, "etape" text check ("etape" in ('avertissement', 'relance', 'cloture')) not null, "fait_le" timestamptz not null);`);
    this.addSql(`alter table "inactivite_etape" add constraint "inactivite_etape_demande_cycle_etape_unique" unique ("demande_id", "cycle", "etape");`);

    this.addSql(`create table "tache_execution" ("id" serial primary key, "nom" varchar(60) not null, "declenchement" text check ("declenchement" in ('planifie', 'manuel', 'direct')) not null, "agent_id" int null, "job_id" varchar(40) null, "debut" timestamptz not null, "fin" timestamptz null, "statut" text check ("statut" in ('en_cours', 'termine', 'echec')) not null default 'en_cours', "resultat" jsonb null, "erreur" text null);`);
    this.addSql(`create index "tache_execution_nom_debut_idx" on "tache_execution" ("nom", "debut");`);

    this.addSql(`alter table "inactivite_etape" add constraint "inactivite_etape_demande_id_foreign" foreign key ("demande_id") references "demande" ("id") on update cascade;`);

    this.addSql(`alter table "notification" drop constraint if exists "notification_statut_check";`);

    this.addSql(`alter table "notification" add column "canal" varchar(10) null;`);
    this.addSql(`alter table "notification" add constraint "notification_statut_check" check("statut" in ('a_envoyer', 'envoi_en_cours', 'envoyee', 'echec'));`);
    this.addSql(`create index "notification_smtp_envoyee_le_idx" on "notification" ("envoyee_le") where "canal" = 'smtp';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inactivite_etape" cascade;`);

    this.addSql(`drop table if exists "tache_execution" cascade;`);

    this.addSql(`alter table "notification" drop constraint if exists "notification_statut_check";`);

    this.addSql(`drop index "notification_smtp_envoyee_le_idx";`);
    this.addSql(`alter table "notification" drop column "canal";`);

    this.addSql(`alter table "notification" add constraint "notification_statut_check" check("statut" in ('a_envoyer', 'envoyee', 'echec'));`);
  }

}
