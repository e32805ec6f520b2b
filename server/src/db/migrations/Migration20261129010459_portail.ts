import { Migration } from '@mikro-orm/migrations';

export class Migration20261129010459_portail extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "cgu_version" ("version" varchar(20) not null, "publiee_le" timestamptz not null, "resume" text null, constraint "cgu_version_pkey" primary key ("version"));`);
    this.addSql(`create index "cgu_version_publiee_le_index" on "cgu_version" ("publiee_le");`);

    this.addSql(`create table "lien_verification" ("id" serial primary key, "demandeur_id" int not null, "token_hash" varchar(64) not null, "cree_le" timestamptz not null, "expire_le" timestamptz not null, "utilise_le" timestamptz null);`);
    this.addSql(`create index "lien_verification_demandeur_id_index" on "lien_verification" ("demandeur_id");`);
    this.addSql(`alter table "lien_verification" add constraint "lien_verification_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "lien_verification" add constraint "lien_verification_demandeur_id_foreign" foreign key ("demandeur_id") references "demandeur" ("id") on update cascade;`);

    // The CGU version in force (../shared/seed/cgu-demandeurs.txt), the one the demo accounts accepted.
    this.addSql(`insert into "cgu_version" ("version", "publiee_le", "resume") values ('2025-09', '2025-09-01T00:00:00Z', 'Conditions générales d’utilisation de la plateforme logement') on conflict do nothing;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "cgu_version" cascade;`);

    this.addSql(`drop table if exists "lien_verification" cascade;`);
  }

}
