import { Migration } from '@mikro-orm/migrations';

/**
 * The outbox never keeps a verification link (comptes/liens.ts puts it in at delivery): rows
 * written before are redacted — the link and the code in the body, the token in the data.
 */
export class Migration20261206212443_boite_envoi_sans_secret extends Migration {
  override async up(): Promise<void> {
    this.addSql(`update "notification"
      set "corps" = regexp_replace(regexp_replace("corps", 'https?://\\S*verifier-email[[:punct:]]token=\\S+', '[lien masqué]', 'g'),
                                   'Code de vérification : \\S+', 'Code de vérification : [lien masqué]', 'g'),
          "donnees" = ("donnees" - 'token' - 'lien') || '{"lien": "[lien masqué]", "token": "[lien masqué]"}'::jsonb
      where "template" = 'compte_verification' and jsonb_exists("donnees", 'token') and not jsonb_exists("donnees", 'lienId');`);
  }

  override async down(): Promise<void> {
    // Nothing to restore: the secrets are gone for good.
  }
}
