/**
 * A second process running the bailleurs' reminder job on a given database, for the two-process
 * test: npx tsx test/api/bailleurs/child-relances.ts <url>. Prints « pret » once its ORM is up; then
 * for each line `<nowIso>` read on stdin runs the job at that instant and prints its summary as JSON.
 */
import { createInterface } from 'node:readline';
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@server/db/mikro-orm.config';
import { relancerBailleurs } from '@server/modules/bailleurs/relances';

const [url] = process.argv.slice(2);
const orm = await MikroORM.init(ormConfig(url, { pool: { min: 1, max: 2 } }));
await orm.em.fork().execute('select 1');
console.log('pret');
for await (const ligne of createInterface({ input: process.stdin })) {
  if (!ligne.trim()) break;
  console.log(JSON.stringify(await relancerBailleurs(orm.em.fork(), new Date(ligne.trim()), { jours: 10, secret: 'secret-de-test-des-relances-bailleurs-32+' })));
}
await orm.close(true);
