import { Migration } from '@mikro-orm/migrations';

/**
 * §11.17 matching and §12 direct attribution:
 * - als_secteurs_codes(secteurs_recherche): the INSEE codes a demande searches around, as an
 *   immutable function, and a partial GIN index over complete demandes, so the geographic
 *   pre-filter of GET /api/offres/:id/correspondances is an index lookup (`&&` on the codes of
 *   the communes near the offer), whatever the number of demandes;
 * - offre.attribution_directe_le / _motif: a dwelling let by the bailleur outside the platform.
 */
export class Migration20261129012020_correspondances extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function als_secteurs_codes(s jsonb) returns text[] language sql immutable parallel safe as $$
      select case when jsonb_typeof(s) = 'array'
                  then coalesce((select array_agg(e->>'codeInsee') from jsonb_array_elements(s) e where e->>'codeInsee' is not null), '{}')
                  else '{}' end
    $$;`);
    this.addSql(`create index "demande_secteurs_codes_idx" on "demande" using gin (als_secteurs_codes("secteurs_recherche")) where "statut" = 'complete';`);

    this.addSql(`alter table "offre" add column "attribution_directe_le" timestamptz null, add column "attribution_directe_motif" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "demande_secteurs_codes_idx";`);
    this.addSql(`drop function if exists als_secteurs_codes(jsonb);`);

    this.addSql(`alter table "offre" drop column "attribution_directe_le", drop column "attribution_directe_motif";`);
  }

}
