/**
 * A separate process running the inactivity job slowly on a given database, for the
 * crash test (`kill -9` midway, then run again): npx tsx test/api/jobs/child-inactivite.ts <url> <nowIso> [lot] [pauseMs]
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@server/db/mikro-orm.config';
import { traiterInactivite } from '@server/modules/inactivite/traiterInactivite';

const [url, nowIso, lot = '200', pauseMs = '0'] = process.argv.slice(2);
const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
console.log('started');
const resume = await traiterInactivite(orm.em.fork(), new Date(nowIso), { lot: Number(lot), pauseMs: Number(pauseMs) });
console.log(JSON.stringify(resume));
await orm.close(true);
