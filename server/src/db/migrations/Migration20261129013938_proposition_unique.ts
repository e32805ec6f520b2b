import { Migration } from '@mikro-orm/migrations';

/** §11.17: at most one pending (`envoyee`) proposition per offer and demandeur — the guard of concurrent POST /api/propositions. */
export class Migration20261129013938_proposition_unique extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create unique index "proposition_une_envoyee_uidx" on "proposition" ("offre_id", "demandeur_id") where "statut" = 'envoyee';`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "proposition_une_envoyee_uidx";`);
  }

}
