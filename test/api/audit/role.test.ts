/**
 * DATA-AUDIT-CHAIN (issue #14): with DATABASE_APP_ROLE=als_application (created and granted by the
 * migrations where the database allows), the application appends to the audit log but cannot
 * rewrite it even by going around the triggers: no UPDATE, DELETE or TRUNCATE privilege, no
 * `session_replication_role`, no ALTER TABLE (it owns nothing). Everything else works as before.
 */
import request from 'supertest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@server/app';
import { bearer, login, testContext, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { ormAvec } from '@test/support/concurrence';

const t = useTestApp();
let o: MikroORM;
beforeAll(async () => {
  o = await ormAvec({ DATABASE_APP_ROLE: 'als_application' }, { min: 0, max: 3 }, inject('databaseUrl'));
});
afterAll(async () => {
  await o?.close(true);
});

/** The SQL error a statement run as the app's role gets (null when it succeeds). */
async function refus(sql: string): Promise<{ code: string; message: string } | null> {
  try {
    await o.em.fork().transactional((tx) => tx.execute(sql));
    return null;
  } catch (e) {
    const err = e as { code?: string; message: string };
    return { code: String(err.code), message: err.message };
  }
}

describe('DATABASE_APP_ROLE: the application may append to the audit log, never rewrite it', () => {
  it('DATA-AUDIT-CHAIN: every pooled connection runs as als_application, and the app works: login and an action write their audit events', async () => {
    const [{ qui }] = await o.em.fork().execute<{ qui: string }[]>(`select current_user as qui`);
    expect(qui).toBe('als_application');
    const app = createApp(testContext(o, t.clock, t.storage));
    const a = await createAgent(t.orm, 'conseiller', ['69'], 'role');
    const jeton = await login(app, a.email, a.password);
    const [c] = await t.orm.em.fork().execute<{ id: number }[]>(
      `select id from candidature where departement = '69' and statut = 'deposee' and agent_en_charge_id is null order by id limit 1`);
    const r = await request(app).post(`/api/candidatures/${c.id}/prendre`).set(bearer(jeton)).send({});
    expect(r.status).toBe(200);
    const evenements = await t.orm.em.fork().execute<{ action: string }[]>(
      `select action from audit_event where acteur_type = 'agent' and acteur_id = ? order by id`, [a.id]);
    expect(evenements.map((e) => e.action)).toEqual(expect.arrayContaining(['connexion', 'prise_dossier']));
    // The chainer's one allowed UPDATE runs as the owner (SECURITY DEFINER).
    const [{ n }] = await o.em.fork().execute<{ n: number }[]>(`select audit_chainer(?::timestamptz, 1000, true) as n`, [t.clock.now()]);
    expect(n).toBeGreaterThanOrEqual(0);
  });

  it('DATA-AUDIT-CHAIN: UPDATE, DELETE, TRUNCATE refused by privilege (not only by the trigger); triggers cannot be switched off', async () => {
    const [{ id }] = await t.orm.em.fork().execute<{ id: number }[]>(`select max(id) as id from audit_event`);
    for (const sql of [
      `update audit_event set motif = 'réécrit' where id = ${id}`,
      `delete from audit_event where id = ${id}`,
      `truncate audit_event`,
      `update audit_jour set dernier_hash = repeat('0', 64)`,
      `delete from audit_jour`,
    ]) {
      const e = await refus(sql);
      expect(e, sql).not.toBeNull();
      expect(e!.code, sql).toBe('42501');
      expect(e!.message, sql).toMatch(/permission denied for table audit_(event|jour)/);
    }
    expect((await refus(`set local session_replication_role = replica`))?.message).toMatch(/permission denied/);
    expect((await refus(`alter table audit_event disable trigger all`))?.message).toMatch(/must be owner/);
    expect(await refus(`insert into audit_event (at, acteur_type, action, entite) values (now(), 'systeme', 'essai_role', 'tache')`)).toBeNull();
  });
});
