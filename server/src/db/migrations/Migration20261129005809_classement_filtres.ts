import { Migration } from '@mikro-orm/migrations';

export class Migration20261129005809_classement_filtres extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "filtre_sauvegarde" ("id" serial primary key, "agent_id" int not null, "ressource" varchar(40) not null, "nom" varchar(80) not null, "filtre" jsonb not null, "colonnes" jsonb null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "filtre_sauvegarde_agent_id_index" on "filtre_sauvegarde" ("agent_id");`);
    this.addSql(`alter table "filtre_sauvegarde" add constraint "filtre_sauvegarde_agent_id_ressource_nom_unique" unique ("agent_id", "ressource", "nom");`);

    this.addSql(`alter table "filtre_sauvegarde" add constraint "filtre_sauvegarde_agent_id_foreign" foreign key ("agent_id") references "agent" ("id") on update cascade;`);

    this.addSql(`alter table "candidature" add column "verrou_activite_le" timestamptz null, add column "palier" smallint not null default 3;`);
    this.addSql(`create index "candidature_offre_palier_idx" on "candidature" ("offre_id", "palier", "date_candidature", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "filtre_sauvegarde" cascade;`);

    this.addSql(`drop index "candidature_offre_palier_idx";`);
    this.addSql(`alter table "candidature" drop column "verrou_activite_le", drop column "palier";`);
  }

}
