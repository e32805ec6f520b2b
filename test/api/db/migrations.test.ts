import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../server/src/db/migrationsList';

describe('migrations', () => {
  it('every migration file is in the static list, in order', () => {
    const dir = path.resolve('server/src/db/migrations');
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(MIGRATIONS.map((m) => m.name)).toEqual(files);
  });
});
