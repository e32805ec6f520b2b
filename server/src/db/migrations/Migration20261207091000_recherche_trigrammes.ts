import { Migration } from '@mikro-orm/migrations';

/**
 * Issue #19, search: case- and accent-insensitive, anywhere in the words (`q` of the lists).
 * `als_unaccent(x)` = lower(unaccent(x)) declared immutable (unaccent itself is only stable,
 * because its dictionary could change: ours never does), so that trigram indexes (pg_trgm) can
 * be built on it and `als_unaccent(col) like '%' || als_unaccent(?) || '%'` uses them. The
 * demandeur is searched on one text: nom, prénom, e-mail, phone as typed and its digits only.
 */
export class Migration20261207091000_recherche_trigrammes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm with schema public;`);
    this.addSql(`create extension if not exists unaccent with schema public;`);
    this.addSql(`create or replace function als_unaccent(t text) returns text language sql immutable strict parallel safe as $$
      select lower(public.unaccent('public.unaccent'::regdictionary, t))
    $$;`);
    this.addSql(`create or replace function als_recherche_demandeur(nom text, prenom text, email text, telephone text) returns text language sql immutable parallel safe as $$
      select public.als_unaccent(concat_ws(' ', nom, prenom, email, telephone, regexp_replace(telephone, '\\D', '', 'g')))
    $$;`);
    this.addSql(`create index "demandeur_recherche_trgm_idx" on "demandeur" using gin (als_recherche_demandeur("nom", "prenom", "email", "telephone") gin_trgm_ops);`);
    this.addSql(`create index "candidature_reference_trgm_idx" on "candidature" using gin (als_unaccent("reference") gin_trgm_ops);`);
    this.addSql(`create index "demande_reference_trgm_idx" on "demande" using gin (als_unaccent("reference") gin_trgm_ops);`);
    this.addSql(`create index "offre_reference_trgm_idx" on "offre" using gin (als_unaccent("reference") gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    for (const i of ['demandeur_recherche_trgm_idx', 'candidature_reference_trgm_idx', 'demande_reference_trgm_idx', 'offre_reference_trgm_idx']) this.addSql(`drop index "${i}";`);
    this.addSql(`drop function als_recherche_demandeur(text, text, text, text);`);
    this.addSql(`drop function als_unaccent(text);`);
  }
}
