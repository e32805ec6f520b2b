import { Migration } from '@mikro-orm/migrations';

/**
 * R-BAIL-LIEN: a bailleur link's token is random again (only its sha256 on the link); until the
 * mail is delivered the outbox row keeps it AES-256-GCM encrypted under a key derived from the
 * server's secret (bailleurs/jeton.ts), and the delivery wipes it. Links issued before (tokens
 * derived from the secret) keep working until they expire; their mails not yet delivered fail
 * (« lien indisponible ») and are sent again from the console.
 */
export class Migration20261207150000_jeton_lien_chiffre extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notification" add column "jeton_chiffre" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "notification" drop column "jeton_chiffre";`);
  }
}
