/**
 * The jobs at volume, on a copy of the bench database (CREATE DATABASE … TEMPLATE, dropped after):
 * the inactivity job twice (steps due, then nothing due), the expired pieces job a month later,
 * and the recomputation of every open candidature's palier in one statement.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@server/db/mikro-orm.config';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';
import { traiterInactivite } from '@server/modules/inactivite/traiterInactivite';
import { expirerJustificatifs } from '@server/jobs/justificatifsExpires';
import { adminSql, withDatabase } from '@test/support/testDatabase';

export interface MesureJob {
  nom: string;
  ms: number;
  resume: string;
}

const admin = (url: string, sql: string) => adminSql(withDatabase(url, 'postgres'), sql);

/** `url`'s database must have no other session (the copy needs it). */
export async function benchJobs(url: string): Promise<MesureJob[]> {
  const source = decodeURIComponent(new URL(url).pathname.slice(1));
  const copie = `${source}_jobs`;
  const mesures: MesureJob[] = [];
  const t0 = performance.now();
  await admin(url, `drop database if exists "${copie}" with (force)`);
  await admin(url, `create database "${copie}" template "${source}"`);
  console.log(`copie ${copie} en ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const orm = await MikroORM.init(ormConfig(withDatabase(url, copie), { pool: { min: 0, max: 4 } }));
  try {
    const now = new Date();
    const mesurer = async (nom: string, f: () => Promise<unknown>) => {
      const t = performance.now();
      const r = await f();
      mesures.push({ nom, ms: Math.round(performance.now() - t), resume: JSON.stringify(r).replace(/"/g, '').replace(/,/g, ', ') });
      console.log(`${nom} : ${((performance.now() - t) / 1000).toFixed(1)} s ${JSON.stringify(r)}`);
    };
    await mesurer('inactivité (étapes dues)', () => traiterInactivite(orm.em.fork(), now));
    await mesurer('inactivité (rien de dû)', () => traiterInactivite(orm.em.fork(), now));
    const dansUnMois = new Date(now.getTime() + 30 * 86_400_000);
    await mesurer('justificatifs expirés (un mois plus tard)', () => expirerJustificatifs(orm.em.fork(), dansUnMois));
    await mesurer('paliers de toutes les candidatures ouvertes', async () => {
      const ids = (await orm.em.fork().execute<{ id: number }[]>(`select id from demande where statut = 'complete'`)).map((r) => r.id);
      const changes = await orm.em.fork().transactional((tx) => rafraichirPaliers(tx, ids, dansUnMois));
      return { demandes: ids.length, paliersChanges: changes };
    });
  } finally {
    await orm.close(true);
    await admin(url, `drop database if exists "${copie}" with (force)`);
  }
  return mesures;
}
