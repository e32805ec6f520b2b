import type { MikroORM } from '@mikro-orm/postgresql';
import type { StatutCandidature } from '@shared/domain/enums';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const conn = (orm: MikroORM) => orm.em.fork().getConnection();

/** A demandeur (complete demande, valid pieces) with one candidature per status given, each on its own offer. */
export async function demandeurAvecCandidatures(orm: MikroORM, statuts: StatutCandidature[], departement = '69') {
  const premiere = await creerDossier(orm, { offreId: await creerOffre(orm, { departement }), statut: statuts[0] });
  const c = conn(orm);
  const candidatureIds = [premiere.candidatureId];
  for (const [i, statut] of statuts.slice(1).entries()) {
    const offreId = await creerOffre(orm, { departement });
    const [row] = await c.execute<{ id: number }[]>(
      `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine)
       select 'CAN-S-' || ? || '-' || ?, ?, ?, o.id, o.departement, o.nature, ?, now() - interval '1 day', 'portail' from offre o where o.id = ? returning id`,
      [premiere.candidatureId, i, premiere.demandeId, premiere.demandeurId, statut, offreId],
    );
    candidatureIds.push(row.id);
  }
  await c.execute(`update demandeur set telephone = null where id = ?`, [premiere.demandeurId]);
  return { demandeurId: premiere.demandeurId, demandeId: premiere.demandeId, candidatureIds };
}

export async function statuts(orm: MikroORM, ids: number[]): Promise<Record<number, string>> {
  const rows = await conn(orm).execute<{ id: number; statut: string }[]>(`select id, statut from candidature where id = any(?::int[])`, [`{${ids.join(',')}}`]);
  return Object.fromEntries(rows.map((r) => [r.id, r.statut]));
}

export async function compter(orm: MikroORM, sql: string, params: unknown[] = []): Promise<number> {
  const [r] = await conn(orm).execute<{ n: number }[]>(`select count(*)::int as n from (${sql}) x`, params);
  return r.n;
}
