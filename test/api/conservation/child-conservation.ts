/**
 * A separate process running the retention job on a given database and storage folder, for the
 * two-process test: npx tsx test/api/conservation/child-conservation.ts <url> <dataDir> <nowIso> [lot] [pauseMs]
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@server/db/mikro-orm.config';
import { appliquerConservation } from '@server/modules/conservation/appliquer';
import { createStorage } from '@server/storage/create';

const [url, dataDir, nowIso, lot = '500', pauseMs = '0'] = process.argv.slice(2);
const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
const storage = createStorage({ dataDir });
console.log('started');
const resume = await appliquerConservation(orm.em.fork(), new Date(nowIso), { storage, lot: Number(lot), pauseMs: Number(pauseMs) });
console.log(JSON.stringify(resume));
await storage.close();
await orm.close(true);
