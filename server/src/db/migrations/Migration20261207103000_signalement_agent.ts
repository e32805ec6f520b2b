import { Migration } from '@mikro-orm/migrations';

/** Issue #15: an agent flags a dossier to contrôle fraude from the dossier page (signal type `signalement_agent`). */
export class Migration20261207103000_signalement_agent extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "signalement" drop constraint if exists "signalement_type_check";`);
    this.addSql(`alter table "signalement" add constraint "signalement_type_check" check ("type" in ('identite_multiple', 'telephone_partage', 'email_variante', 'fichier_partage', 'metadonnees_pdf', 'contenu_actif', 'signalement_agent'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "signalement" where "type" = 'signalement_agent';`);
    this.addSql(`alter table "signalement" drop constraint if exists "signalement_type_check";`);
    this.addSql(`alter table "signalement" add constraint "signalement_type_check" check ("type" in ('identite_multiple', 'telephone_partage', 'email_variante', 'fichier_partage', 'metadonnees_pdf', 'contenu_actif'));`);
  }
}
