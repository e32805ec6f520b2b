/**
 * `npm run db:types`: migrates a scratch database (on DATABASE_URL's server, else an embedded
 * PostgreSQL under ./.data/types-pg), writes server/src/db/schema.ts from it, drops it.
 * Run it after every new migration; test/api/db/schema.test.ts fails until you do.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '@server/db/database';
import { startEmbeddedPostgres } from '@server/db/embedded';
import { ormConfig } from '@server/db/mikro-orm.config';
import { genererSchema } from '@server/db/schemaTypes';

const embedded = process.env.DATABASE_URL ? undefined : await startEmbeddedPostgres(path.resolve('.data/types-pg'), console.log);
const adminUrl = process.env.DATABASE_URL ?? embedded!.url;
const nom = `als_types_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  await admin.query(`create database "${nom}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${nom}`;
  const orm = await MikroORM.init(ormConfig(url.toString(), { pool: { min: 0, max: 1 } }));
  try {
    await migrate(orm);
  } finally {
    await orm.close(true);
  }
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const fichier = path.resolve('server/src/db/schema.ts');
    writeFileSync(fichier, await genererSchema(client));
    console.log(`Écrit : ${path.relative(process.cwd(), fichier)}`);
  } finally {
    await client.end();
  }
} finally {
  await admin.query(`drop database if exists "${nom}" with (force)`);
  await admin.end();
  await embedded?.stop();
}
