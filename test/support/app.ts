import { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Express } from 'express';
import { createApp } from '@server/app';
import { loadConfig, type Clock } from '@server/config';
import type { AppContext } from '@server/context';
import { ormConfig } from '@server/db/mikro-orm.config';
import type { FileStorage } from '@server/storage/storage';
import { testStorage } from './storage';
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
  /** The run's file storage (local folder, or s3rver with TEST_STORAGE=s3). */
  storage: FileStorage;
}

/** The run's shared test database, or its copy kept for the race tests (see globalSetup). */
export const urlDeBase = (base: 'commune' | 'isolee' = 'commune') => inject(base === 'isolee' ? 'databaseUrlIsolee' : 'databaseUrl');

/** createApp() on the test database with a fake clock, opened before and closed after the file. */
export function useTestApp(base: 'commune' | 'isolee' = 'commune'): TestApp {
  const t = { clock: new FakeClock() } as TestApp;
  beforeAll(async () => {
    t.orm = await MikroORM.init(ormConfig(urlDeBase(base), { pool: { min: 0, max: 4 } }));
    t.storage = testStorage();
    t.app = createApp(testContext(t.orm, t.clock, t.storage));
  });
  afterAll(async () => {
    await t.orm?.close(true);
    await t.storage?.close();
  });
  return t;
}

/** An AppContext on the test database: config from an empty environment (not demo), the run's storage. */
export function testContext(orm: MikroORM, clock: Clock, storage: FileStorage = testStorage()): AppContext {
  return { orm, clock, storage, config: { ...loadConfig({}), dataDir: inject('dataDir'), demo: false } };
}

export async function login(app: Express, email: string, password: string): Promise<string> {
  const r = await request(app).post('/api/auth/login').send({ email, password });
  if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
