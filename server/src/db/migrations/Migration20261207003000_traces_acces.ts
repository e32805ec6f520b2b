import { Migration } from '@mikro-orm/migrations';

/**
 * DATA-TRACES (CNIL deliberation 2021-122): reads of personal data by agents — who, when, which
 * record or which filter, how many rows, from where. Kept 6 months (shared/rules/conservation.ts).
 */
export class Migration20261207003000_traces_acces extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "trace_acces" ("id" bigserial primary key, "at" timestamptz not null, "agent_id" int not null,
      "ressource" varchar(40) not null, "entite_id" int null, "filtre" jsonb null, "nombre" int null, "ip" varchar(64) null);`);
    this.addSql(`create index "trace_acces_at_index" on "trace_acces" ("at");`);
    this.addSql(`create index "trace_acces_agent_id_at_index" on "trace_acces" ("agent_id", "at");`);
    this.addSql(`create index "trace_acces_ressource_entite_id_index" on "trace_acces" ("ressource", "entite_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "trace_acces";`);
  }
}
