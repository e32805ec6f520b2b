import { Migration } from '@mikro-orm/migrations';

/**
 * UI-SUIVI (issue #15): an agent follows a candidature; `vu_le` is when he last opened its dossier.
 * The list tells him which followed dossiers changed since (an audit event, a piece, a note after
 * `vu_le`). The primary key (agent_id, candidature_id) serves « my followed dossiers » and the
 * per-row lookup; the candidature index serves the foreign key.
 */
export class Migration20261207111000_suivi_dossier extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "suivi_dossier" (
      "agent_id" int not null references "agent" ("id") on update cascade on delete cascade,
      "candidature_id" int not null references "candidature" ("id") on update cascade on delete cascade,
      "vu_le" timestamptz not null,
      constraint "suivi_dossier_pkey" primary key ("agent_id", "candidature_id"));`);
    this.addSql(`create index "suivi_dossier_candidature_id_index" on "suivi_dossier" ("candidature_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "suivi_dossier" cascade;`);
  }
}
