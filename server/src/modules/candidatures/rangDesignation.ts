/**
 * R-RANK at designation, stored (issue #19): the designation export read it from a correlated
 * subquery per row (10.5 of 13.7 s of the export's SQL for 100 000 rows at national volume).
 * The rank of a designated candidature among its offer's candidatures in R-RANK's order, from the
 * stored paliers, counting those open at the instant of designation (applied before, not closed
 * yet) — as the export computed it. Written by the designation, in its transaction.
 */
export const RANG_A_LA_DESIGNATION = `1 + (select count(*) from candidature r
   where r.offre_id = c.offre_id and (r.palier, r.date_candidature, r.id) < (c.palier, c.date_candidature, c.id)
     and r.date_candidature <= c.designee_le and (r.cloture_le is null or r.cloture_le > c.designee_le))`;

/** Stores the rank at designation of these designated candidatures (designee_le set). */
export const SQL_ENREGISTRER_RANG_DESIGNATION = `update candidature c set rang_designation = ${RANG_A_LA_DESIGNATION}
  where c.id = any(?::int[]) and c.designee_le is not null`;
