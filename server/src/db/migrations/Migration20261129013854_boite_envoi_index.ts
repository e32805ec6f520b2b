import { Migration } from '@mikro-orm/migrations';

export class Migration20261129013854_boite_envoi_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "notification_destinataire_created_at_idx" on "notification" ("destinataire", "created_at");`);
    this.addSql(`create index "notification_template_created_at_idx" on "notification" ("template", "created_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notification_destinataire_created_at_idx";`);
    this.addSql(`drop index "notification_template_created_at_idx";`);
  }

}
