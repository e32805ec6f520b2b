import { Migration } from '@mikro-orm/migrations';

/** A fraud signal for pieces with active content (issue #13): PDF JavaScript or launch actions, hidden HTML (polyglots). */
export class Migration20261207001500_signal_contenu_actif extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "signalement" drop constraint if exists "signalement_type_check";`);
    this.addSql(`alter table "signalement" add constraint "signalement_type_check" check ("type" in ('identite_multiple', 'telephone_partage', 'email_variante', 'fichier_partage', 'metadonnees_pdf', 'contenu_actif'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "signalement" where "type" = 'contenu_actif';`);
    this.addSql(`alter table "signalement" drop constraint if exists "signalement_type_check";`);
    this.addSql(`alter table "signalement" add constraint "signalement_type_check" check ("type" in ('identite_multiple', 'telephone_partage', 'email_variante', 'fichier_partage', 'metadonnees_pdf'));`);
  }
}
