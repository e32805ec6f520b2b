import { Migration } from '@mikro-orm/migrations';

/**
 * R-ONE-ACCOUNT: the duplicate keys of shared/rules/identite.ts as immutable SQL functions, and
 * expression indexes on demandeur, so that duplicates are grouped by the database (maintained on
 * every write, whoever writes). test/api/signalements/detection.test.ts checks SQL = TypeScript.
 * Calls between these functions are schema-qualified: PostgreSQL ≥ 17 builds indexes with a
 * restricted search_path (pg_catalog, pg_temp).
 */
export class Migration20261129010906_fraude_doublons extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function als_normaliser_nom(s text) returns text language sql immutable strict parallel safe as $$
      select coalesce(string_agg(mot, ' ' order by mot collate "C"), '')
        from regexp_split_to_table(
               lower(translate(replace(replace(replace(replace(replace(s, 'œ', 'oe'), 'Œ', 'oe'), 'æ', 'ae'), 'Æ', 'ae'), 'ß', 'ss'),
                 'àáâãäåāăąÀÁÂÃÄÅĀĂĄçćĉċčÇĆĈĊČďđĎĐèéêëēĕėęěÈÉÊËĒĔĖĘĚĝğġģĜĞĠĢĥĤìíîïĩīĭįıÌÍÎÏĨĪĬĮİĵĴķĶĺļľŀłĹĻĽĿŁñńņňÑŃŅŇòóôõöøōŏőÒÓÔÕÖØŌŎŐŕŗřŔŖŘśŝşšŚŜŞŠţťŢŤùúûüũūŭůűųÙÚÛÜŨŪŬŮŰŲŵŴýÿŷÝŸŶźżžŹŻŽ',
                 'aaaaaaaaaaaaaaaaaaccccccccccddddeeeeeeeeeeeeeeeeeegggggggghhiiiiiiiiiiiiiiiiiijjkkllllllllllnnnnnnnnoooooooooooooooooorrrrrrssssssssttttuuuuuuuuuuuuuuuuuuuuwwyyyyyyzzzzzz') collate "C"),
               '[ \\t\\n\\r\\f\\v\\u00a0''’.,_-]+') as mot
       where mot <> ''
    $$;`);
    this.addSql(`create or replace function als_cle_identite(nom text, prenom text, naissance date) returns text language sql immutable parallel safe as $$
      select case when naissance is null then null
                  else public.als_normaliser_nom(coalesce(nom, '') || ' ' || coalesce(prenom, '')) || '|' || to_char(naissance, 'YYYY-MM-DD') end
    $$;`);
    this.addSql(`create or replace function als_telephone_norm(t text) returns text language sql immutable strict parallel safe as $$
      select case when length(n) < 6 then null else n end
        from (select case when d like '0033%' then '0' || substr(d, 5)
                          when d like '33%' and length(d) = 11 then '0' || substr(d, 3)
                          else d end as n
                from (select regexp_replace(t, '[^0-9]', '', 'g') as d) a) b
    $$;`);
    this.addSql(`create or replace function als_email_canon(e text) returns text language sql immutable strict parallel safe as $$
      select case when position('@' in x) = 0 then x
                  when dom in ('gmail.com', 'googlemail.com') then replace(loc, '.', '') || '@gmail.com'
                  else loc || '@' || dom end
        from (select x, split_part(substring(x from '^(.*)@'), '+', 1) as loc, substring(x from '@([^@]*)$') as dom
                from (select lower(btrim(e, ' ') collate "C") as x) a) b
    $$;`);
    this.addSql(`create index "demandeur_cle_identite_idx" on "demandeur" (als_cle_identite("nom", "prenom", "date_naissance"));`);
    this.addSql(`create index "demandeur_telephone_norm_idx" on "demandeur" (als_telephone_norm("telephone"));`);
    this.addSql(`create index "demandeur_email_canon_idx" on "demandeur" (als_email_canon("email"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "demandeur_cle_identite_idx";`);
    this.addSql(`drop index "demandeur_telephone_norm_idx";`);
    this.addSql(`drop index "demandeur_email_canon_idx";`);
    this.addSql(`drop function if exists als_email_canon(text);`);
    this.addSql(`drop function if exists als_telephone_norm(text);`);
    this.addSql(`drop function if exists als_cle_identite(text, text, date);`);
    this.addSql(`drop function if exists als_normaliser_nom(text);`);
  }

}
