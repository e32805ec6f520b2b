import type { EntityManager } from '@mikro-orm/postgresql';

const OUVERTS = "('deposee', 'en_instruction', 'transmise_bailleur')";

/**
 * The UPDATE that sets, with the SQL functions of the paliers_sql migration (palierCandidature of
 * shared/rules/classement.ts, checked equal on random data), the stored palier of every open
 * candidature of the demandes `demandes` selects (a query returning demande ids). Binds `now` twice.
 * Only changed rows are written; returns their ids.
 */
export function sqlMajPaliers(demandes: string): string {
  return `with d as (
      select id, coalesce(jsonb_typeof(codemandeur) <> 'null', false) as codemandeur, situations_prioritaires, public_cible,
             accompagne_service_salaries_en_difficulte as accompagne
        from demande where id in (${demandes})),
    p as (
      select j.demande_id,
             bit_or(als_piece_bit(j.type, j.titulaire)) filter (where als_piece_deposee(j.statut, j.date_validite_fin, ?::timestamptz)) as deposees,
             bool_or(j.type = 'justificatif_situation' and j.titulaire = 'demandeur' and j.statut = 'valide'
                     and not als_piece_expiree(j.statut, j.date_validite_fin, ?::timestamptz)) as situation_validee
        from justificatif j where j.actif and j.demande_id in (select id from d) group by j.demande_id),
    n as (
      select c.id, als_palier(o.nature, o.reglementation, d.codemandeur, d.situations_prioritaires, d.public_cible, d.accompagne,
                              p.deposees, p.situation_validee) as palier
        from candidature c join d on d.id = c.demande_id join offre o on o.id = c.offre_id left join p on p.demande_id = d.id
       where c.statut in ${OUVERTS})
    update candidature c set palier = n.palier from n where c.id = n.id and c.palier is distinct from n.palier returning c.id`;
}

/**
 * Recomputes the stored palier of every open candidature of these demandes, so the SQL ranking
 * (palier, dateCandidature, id) stays equal to the shared rule. Call it in the same transaction as
 * any change to a demande or its pieces. One statement whatever the number of demandes.
 */
export async function rafraichirPaliers(em: EntityManager, demandeIds: number[], now: Date): Promise<number> {
  if (demandeIds.length === 0) return 0;
  // em.execute runs in em's transaction (em.getConnection().execute would take another pooled
  // connection: it would not see the caller's uncommitted rows and could wait on its locks).
  const ids = [...new Set(demandeIds)];
  const rows = await em.execute<{ id: number }[]>(sqlMajPaliers('select unnest(?::int[])'), [`{${ids.join(',')}}`, now, now]);
  return rows.length;
}
