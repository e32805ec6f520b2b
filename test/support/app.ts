import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Express } from 'express';
import { createApp } from '../../server/src/app';
import { loadConfig, type Clock } from '../../server/src/config';
import { ormConfig } from '../../server/src/db/mikro-orm.config';
import { SEED_NOW } from './constants';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private t: number = SEED_NOW.getTime()) {}
  now() {
    return new Date(this.t);
  }
  set(d: Date) {
    this.t = d.getTime();
  }
  advance(ms: number) {
    this.t += ms;
  }
}

export interface TestApp {
  app: Express;
  orm: MikroORM;
  clock: FakeClock;
}

/** createApp() on the test database with a fake clock, opened before and closed after the file. */
export function useTestApp(): TestApp {
  const t = { clock: new FakeClock() } as TestApp;
  beforeAll(async () => {
    t.orm = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 4 } }));
    const config = { ...loadConfig({}), dataDir: inject('dataDir'), demo: false };
    t.app = createApp({ orm: t.orm, clock: t.clock, config });
  });
  afterAll(async () => {
    await t.orm?.close(true);
  });
  return t;
}

export async function login(app: Express, email: string, password: string): Promise<string> {
  const r = await request(app).post('/api/auth/login').send({ email, password });
  if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
