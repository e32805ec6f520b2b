/**
 * `npm run audit:verify`: checks the whole audit chain of DATABASE_URL's database (DATA-AUDIT-CHAIN).
 * `--chainer` first appends the events not yet chained (what the `audit-chainage` job does each minute).
 * Exit code 0 when the chain is whole, 1 when an event does not match (named on stderr), 2 on error.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { ormConfig } from '@server/db/mikro-orm.config';
import { chainerJournal, verifierJournal } from '@server/modules/audit-events/chaine';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('audit:verify : DATABASE_URL est requis (la base à vérifier).');
  process.exit(2);
}
const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 2 } }));
let code = 2;
try {
  if (process.argv.includes('--chainer')) {
    const c = await chainerJournal(orm.em.fork(), new Date(), { attendre: true });
    console.log(`Chaînés maintenant : ${c.chaines}`);
  }
  const r = await verifierJournal(orm.em.fork());
  console.log(JSON.stringify(r, null, 2));
  if (r.valide) {
    console.log(`Journal intègre : ${r.evenementsVerifies} événements chaînés, ${r.joursScelles} journées scellées, ${r.nonChaines} en attente de chaînage.`);
    code = 0;
  } else {
    console.error(`Journal ROMPU (${r.rupture!.raison}) : ${r.rupture!.message}`);
    code = 1;
  }
} catch (e) {
  console.error(e);
} finally {
  await orm.close(true);
}
process.exit(code);
