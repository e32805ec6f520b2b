import { spawnSync } from 'node:child_process';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from '@server/app';
import { audit } from '@server/modules/audit-events/audit';
import { chainerJournal, verifierJournal } from '@server/modules/audit-events/chaine';
import { bearer, FakeClock, login, testContext } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { baseDediee, sql, type BaseDediee } from '../jobs/support';

/** Its own database: the tests edit rows as a superuser would, and the chain must start empty. */
let db: BaseDediee;
const J1 = new Date('2026-03-10T10:00:00Z');
const J2 = new Date('2026-03-11T09:00:00Z');

async function evenements(orm: MikroORM, n: number, at: Date, tag: string) {
  const em = orm.em.fork();
  await em.transactional(async (tx) => {
    for (let i = 0; i < n; i++) audit(tx, { at, acteur: { type: 'systeme' }, action: 'test', entite: 'test', entiteId: i, details: { tag, i, texte: 'é"\\ ✓' } });
    await tx.flush();
  });
}

/** Edits the database as its superuser could: triggers off for this session only. */
async function commeSuperutilisateur(orm: MikroORM, q: string, params: unknown[] = []) {
  await orm.em.fork().transactional(async (tx) => {
    await tx.execute(`set local session_replication_role = replica`);
    await tx.execute(q, params);
  });
}

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'audit_chaine');
});
afterAll(async () => db?.fermer());

describe('audit chain', () => {
  it('DATA-AUDIT-CHAIN: events are chained in order, a finished day is sealed with its last hash, the chain verifies', async () => {
    await evenements(db.orm, 5, J1, 'j1');
    expect((await verifierJournal(db.orm.em)).nonChaines).toBe(5);
    expect(await chainerJournal(db.orm.em, J1, { lot: 2 })).toEqual({ chaines: 5, occupe: false });
    // Nothing sealed while the day runs.
    expect(await sql(db.orm, `select * from audit_jour`)).toHaveLength(0);
    await evenements(db.orm, 3, J2, 'j2');
    expect((await chainerJournal(db.orm.em, J2)).chaines).toBe(3);
    const sceaux = await sql<{ jour: string; premier_seq: string; dernier_seq: string; nombre: number; dernier_hash: string }>(
      db.orm,
      `select to_char(jour, 'YYYY-MM-DD') as jour, premier_seq::text, dernier_seq::text, nombre, dernier_hash from audit_jour`,
    );
    const [cinquieme] = await sql<{ hash: string }>(db.orm, `select hash from audit_event where chaine_seq = 5`);
    expect(sceaux).toEqual([{ jour: '2026-03-10', premier_seq: '1', dernier_seq: '5', nombre: 5, dernier_hash: cinquieme.hash }]);
    const [sixieme] = await sql<{ hash_precedent: string; jour: string }>(db.orm, `select hash_precedent, to_char(jour, 'YYYY-MM-DD') as jour from audit_event where chaine_seq = 6`);
    expect(sixieme).toEqual({ hash_precedent: cinquieme.hash, jour: '2026-03-11' });
    const v = await verifierJournal(db.orm.em);
    expect(v).toMatchObject({ valide: true, evenementsVerifies: 8, joursScelles: 1, nonChaines: 0, rupture: null });
  });

  it('DATA-AUDIT-CHAIN: the application role can neither update, delete nor truncate the journal or its seals', async () => {
    const [e] = await sql<{ id: number }>(db.orm, `select id from audit_event order by id limit 1`);
    const refus = /ajout seul/;
    await expect(sql(db.orm, `update audit_event set motif = 'réécrit' where id = ?`, [e.id])).rejects.toThrow(refus);
    await expect(sql(db.orm, `delete from audit_event where id = ?`, [e.id])).rejects.toThrow(refus);
    await expect(sql(db.orm, `truncate audit_event`)).rejects.toThrow(refus);
    await expect(sql(db.orm, `update audit_jour set dernier_hash = repeat('a', 64)`)).rejects.toThrow(refus);
    await expect(sql(db.orm, `delete from audit_jour`)).rejects.toThrow(refus);
    // Even the chain columns, once set, are frozen.
    await expect(sql(db.orm, `update audit_event set hash = repeat('b', 64) where id = ?`, [e.id])).rejects.toThrow(refus);
    expect((await verifierJournal(db.orm.em)).valide).toBe(true);
  });

  it('DATA-AUDIT-CHAIN: one row edited by SQL (triggers off, as a superuser) → verification fails at that very row; restored → valid again', async () => {
    const [cible] = await sql<{ id: number; motif: string | null }>(db.orm, `select id, motif from audit_event where chaine_seq = 4`);
    await commeSuperutilisateur(db.orm, `update audit_event set motif = 'falsifié' where id = ?`, [cible.id]);
    const v = await verifierJournal(db.orm.em);
    expect(v.valide).toBe(false);
    expect(v.rupture).toMatchObject({ raison: 'contenu', evenementId: cible.id, chaineSeq: 4 });
    expect(v.evenementsVerifies).toBe(3);

    // The bin script says the same, with exit code 1.
    const out = spawnSync('npx', ['tsx', 'bin/audit-verify.ts'], { env: { ...process.env, DATABASE_URL: db.url }, encoding: 'utf8' });
    expect(out.status).toBe(1);
    expect(out.stderr).toContain(`événement ${cible.id}`);

    await commeSuperutilisateur(db.orm, `update audit_event set motif = ? where id = ?`, [cible.motif, cible.id]);
    expect((await verifierJournal(db.orm.em)).valide).toBe(true);
  });

  it('DATA-AUDIT-CHAIN: a row deleted, or a rehashed row, is named too', async () => {
    const [six] = await sql<{ id: number }>(db.orm, `select id from audit_event where chaine_seq = 6`);
    // Rewriting an event AND its hash: the next event no longer points at it.
    await commeSuperutilisateur(db.orm, `create temp table sauvegarde as select * from audit_event where chaine_seq = 6`);
    await commeSuperutilisateur(db.orm, `update audit_event set motif = 'x', hash = audit_hash(hash_precedent, (select e from audit_event e where id = ?)) where id = ?`, [six.id, six.id]);
    const v1 = await verifierJournal(db.orm.em);
    expect(v1.rupture).toMatchObject({ raison: 'contenu', evenementId: six.id });
    await commeSuperutilisateur(db.orm, `delete from audit_event where id = ?`, [six.id]);
    const v2 = await verifierJournal(db.orm.em);
    expect(v2.valide).toBe(false);
    expect(v2.rupture).toMatchObject({ raison: 'sequence', chaineSeq: 7 });
  });
});

describe('audit chain under concurrency', () => {
  let base: BaseDediee;
  beforeAll(async () => {
    base = await baseDediee(inject('adminDatabaseUrl'), 'audit_concurrence');
  });
  afterAll(async () => base?.fermer());

  it('DATA-AUDIT-CHAIN: two instances inserting at once and chaining at once keep one valid chain, every event exactly once', async () => {
    const autre = await base.autreOrm();
    const T = 20;
    const N = 10;
    const ecritures = (orm: MikroORM, tag: string) =>
      Promise.all(Array.from({ length: T }, (_, i) => evenements(orm, N, J1, `${tag}-${i}`)));
    const chaineurs = async (orm: MikroORM) => {
      let total = 0;
      for (let i = 0; i < 15; i++) {
        const c = await chainerJournal(orm.em, J1, { lot: 7 });
        total += c.chaines;
        await new Promise((r) => setTimeout(r, 5));
      }
      return total;
    };
    const [, , c1, c2] = await Promise.all([ecritures(base.orm, 'a'), ecritures(autre, 'b'), chaineurs(base.orm), chaineurs(autre)]);
    const fin = await chainerJournal(base.orm.em, J1, { attendre: true });
    expect(c1 + c2 + fin.chaines).toBe(2 * T * N);
    const [x] = await sql<{ n: number; seqs: number; max: string; non: number }>(
      base.orm,
      `select count(*)::int as n, count(distinct chaine_seq)::int as seqs, max(chaine_seq)::text as max, count(*) filter (where chaine_seq is null)::int as non from audit_event`,
    );
    expect(x).toEqual({ n: 2 * T * N, seqs: 2 * T * N, max: String(2 * T * N), non: 0 });
    expect(await verifierJournal(base.orm.em)).toMatchObject({ valide: true, evenementsVerifies: 2 * T * N });
  });
});

describe('POST /api/audit-events/verifier', () => {
  it('DATA-AUDIT-CHAIN: admin gets the result (and the verification is audited); other roles 403', async () => {
    const clock = new FakeClock(J2.getTime());
    const app = createApp(testContext(db.orm, clock));
    const a = await createAgent(db.orm, 'admin');
    const c = await createAgent(db.orm, 'controle_fraude');
    const admin = await login(app, a.email, a.password);
    const fraude = await login(app, c.email, c.password);
    expect((await request(app).post('/api/audit-events/verifier').set(bearer(fraude))).status).toBe(403);
    const r = await request(app).post('/api/audit-events/verifier').set(bearer(admin));
    expect(r.status).toBe(200);
    // The previous test deleted event n° 6.
    expect(r.body).toMatchObject({ valide: false, rupture: { raison: 'sequence', chaineSeq: 7 } });
    const [ev] = await sql<{ vers: string }>(db.orm, `select vers from audit_event where action = 'verifier_journal' and acteur_id = ?`, [a.id]);
    expect(ev.vers).toBe('rompu');
  });
});
