import { Migration } from '@mikro-orm/migrations';

const TYPES = `'identite', 'ressources', 'avis_imposition', 'attestation_employeur', 'bulletin_salaire', 'justificatif_domicile', 'attestation_hebergement', 'justificatif_situation', 'reconnaissance_dalo_daho'`;

/**
 * Issue #15, « Demander la pièce »: an agent asks the demandeur for a missing or refused piece of
 * a dossier, with a motif. One pending request per candidature, type and titulaire (partial unique
 * index: a second request while one waits is 409 DEJA_DEMANDEE); the deposit of that piece on the
 * portal marks it satisfied (`satisfaite_le`).
 */
export class Migration20261207110000_demande_piece extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "demande_piece" (
      "id" serial primary key,
      "candidature_id" int not null references "candidature" ("id") on update cascade,
      "demande_id" int not null references "demande" ("id") on update cascade,
      "type" text not null check ("type" in (${TYPES})),
      "titulaire" text not null default 'demandeur' check ("titulaire" in ('demandeur', 'codemandeur')),
      "motif" text not null,
      "demandee_le" timestamptz not null,
      "agent_id" int not null references "agent" ("id") on update cascade,
      "satisfaite_le" timestamptz null
    );`);
    this.addSql(`create unique index "demande_piece_en_attente_uniq" on "demande_piece" ("candidature_id", "type", "titulaire") where "satisfaite_le" is null;`);
    // The portal's deposit looks up the pending requests of its demande.
    this.addSql(`create index "demande_piece_demande_en_attente_idx" on "demande_piece" ("demande_id", "type", "titulaire") where "satisfaite_le" is null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "demande_piece";`);
  }
}
