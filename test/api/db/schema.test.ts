import { MikroORM } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '@server/db/database';
import { ormConfig } from '@server/db/mikro-orm.config';
import { genererSchema, nomType } from '@server/db/schemaTypes';
import { dropDatabase, recreateDatabase } from '@test/support/testDatabase';

/** The row types of raw queries (server/src/db/schema.ts) are those the migrations give. */
describe('server/src/db/schema.ts', () => {
  const nom = `als_schema_${process.pid}`;
  let client: pg.Client;
  beforeAll(async () => {
    const url = await recreateDatabase(inject('adminDatabaseUrl'), nom);
    const orm = await MikroORM.init(ormConfig(url, { pool: { min: 0, max: 1 } }));
    await migrate(orm);
    await orm.close(true);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await dropDatabase(inject('adminDatabaseUrl'), nom);
  });

  it('QUERY-TYPES: is what `npm run db:types` writes from the migrations (run it after a new migration)', async () => {
    expect(readFileSync('server/src/db/schema.ts', 'utf8')).toBe(await genererSchema(client));
  });

  it('QUERY-TYPES: a new column shows in the generated text, with its nullability and its check values', async () => {
    await client.query(`begin`);
    try {
      await client.query(`alter table candidature add column essai_type text check (essai_type in ('a', 'b')) null`);
      await client.query(`create table essai_table (id serial primary key, note int not null)`);
      const texte = await genererSchema(client);
      expect(texte).toContain(`  essai_type: 'a' | 'b' | null;`);
      expect(texte).toContain(`export interface ${nomType('essai_table')} {\n  id: number;\n  note: number;\n}`);
      expect(texte).toContain('  essai_table: EssaiTableTable;');
    } finally {
      await client.query(`rollback`);
    }
  });
});
