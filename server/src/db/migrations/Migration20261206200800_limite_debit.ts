import { Migration } from '@mikro-orm/migrations';

/**
 * Rate limits shared by every replica (server/src/http/rateLimit.ts): one row per (rule, key) with
 * its fixed-window counter, updated by one atomic upsert. Keys are hashed (no IP or email in clear).
 */
export class Migration20261206200800_limite_debit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "limite_debit" ("cle" varchar(80) primary key, "points" int not null, "fin" timestamptz not null);`);
    this.addSql(`create index "limite_debit_fin_idx" on "limite_debit" ("fin");`);
    this.addSql(`create index "login_throttle_updated_at_idx" on "login_throttle" ("updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "login_throttle_updated_at_idx";`);
    this.addSql(`drop table "limite_debit";`);
  }
}
