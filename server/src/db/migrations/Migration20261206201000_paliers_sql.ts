import { Migration } from '@mikro-orm/migrations';

/**
 * R-RANK-CL / R-RANK-CD / R-RANK-HPC as SQL functions, so that the stored palier of many
 * candidatures is recomputed by one UPDATE (rafraichirPaliers, the nightly expiry job, the
 * volume seed) instead of a loop in TypeScript. shared/rules/classement.ts stays the reference:
 * test/api/candidatures/paliers-sql.test.ts checks on random data that these functions give the
 * palier palierCandidature gives.
 *
 * A demande's pieces are summed up as a bit mask of the (type, titulaire) pairs it has
 * "deposited" (estDeposee: depose|valide and not expired), bits 0–8 for the demandeur and
 * 9–17 for the codemandeur, in the order of TYPES_JUSTIFICATIF. Calls between these functions
 * are schema-qualified (PostgreSQL ≥ 17 runs some of them with a restricted search_path).
 */
export class Migration20261206201000_paliers_sql extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create or replace function als_piece_bit(type text, titulaire text) returns int language sql immutable strict parallel safe as $$
      select (1 << (case type when 'identite' then 0 when 'ressources' then 1 when 'avis_imposition' then 2
                              when 'attestation_employeur' then 3 when 'bulletin_salaire' then 4 when 'justificatif_domicile' then 5
                              when 'attestation_hebergement' then 6 when 'justificatif_situation' then 7 when 'reconnaissance_dalo_daho' then 8 end
                    + case when titulaire = 'codemandeur' then 9 else 0 end))
    $$;`);
    // estExpire: statut expire, or dateValiditeFin reached (a date is valid until the end of that day in Paris).
    this.addSql(`create or replace function als_piece_expiree(statut text, date_validite_fin date, maintenant timestamptz) returns boolean language sql immutable parallel safe as $$
      select statut = 'expire' or (date_validite_fin is not null and ((date_validite_fin + 1)::timestamp at time zone 'Europe/Paris') <= maintenant)
    $$;`);
    this.addSql(`create or replace function als_piece_deposee(statut text, date_validite_fin date, maintenant timestamptz) returns boolean language sql immutable parallel safe as $$
      select statut in ('depose', 'valide') and not public.als_piece_expiree(statut, date_validite_fin, maintenant)
    $$;`);
    // piecesRequises (completude.ts) as a mask: socles for the foyer, the reglementation's pieces, the situation's.
    this.addSql(`create or replace function als_pieces_requises(reglementation text, codemandeur boolean, situations text[], public_cible text) returns int language sql immutable parallel safe as $$
      select 7 | (case when codemandeur then 7 << 9 else 0 end)
        | (case when reglementation in ('plai', 'plus', 'pls') then
             case when situations && array['sans_domicile', 'hotel'] then 0 when 'fin_hebergement' = any(situations) then 64 else 32 end
           else 0 end)
        | (case when reglementation in ('pls', 'pli', 'libre') then 8 | (case when codemandeur then 8 << 9 else 0 end)
                when reglementation = 'residence_temporaire' then 8 else 0 end)
        | (case when reglementation in ('pli', 'libre') then 16 | (case when codemandeur then 16 << 9 else 0 end) else 0 end)
        | (case when cardinality(situations) > 0 then 128 else 0 end)
        | (case when public_cible in ('dalo', 'daho') then 256 else 0 end)
    $$;`);
    // palierCandidature: (hors public cible ? 10 : 0) + tier.
    this.addSql(`create or replace function als_palier(nature text, reglementation text, codemandeur boolean, situations text[], public_cible text,
        accompagne boolean, deposees int, situation_validee boolean) returns smallint language sql immutable parallel safe as $$
      select ((case when public_cible = 'hors_public_cible' then 10 else 0 end) + case
        when nature = 'classique' then
          case when public.als_pieces_requises(reglementation, codemandeur, situations, public_cible) & ~coalesce(deposees, 0) = 0 then 1
               when (7 | (case when codemandeur then 7 << 9 else 0 end)) & ~coalesce(deposees, 0) = 0 then 2
               else 3 end
        else
          case when accompagne then 1 when cardinality(situations) > 0 and coalesce(situation_validee, false) then 2 else 3 end
        end)::smallint
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists als_palier(text, text, boolean, text[], text, boolean, int, boolean);`);
    this.addSql(`drop function if exists als_pieces_requises(text, boolean, text[], text);`);
    this.addSql(`drop function if exists als_piece_deposee(text, date, timestamptz);`);
    this.addSql(`drop function if exists als_piece_expiree(text, date, timestamptz);`);
    this.addSql(`drop function if exists als_piece_bit(text, text);`);
  }

}
