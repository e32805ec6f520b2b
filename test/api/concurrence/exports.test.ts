import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { executerExport } from '@server/modules/exports/executer';
import { maintenanceExports } from '@server/modules/exports/maintenance';
import { bearer, login } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerBailleur } from '@test/api/exports/fixtures';
import { ROUNDS, rondes, compter, q, useDeuxApps } from './support';

const t = useDeuxApps();
let manager = '';

beforeAll(async () => {
  const m = await createAgent(t.orm, 'manager', [], 'course-exports');
  manager = await login(t.app, m.email, m.password);
});

/** An export asked over HTTP (en_attente, audited), of a bailleur of its own (an empty file: fast). */
async function demanderExport() {
  const b = await creerBailleur(t.orm);
  const r = await request(t.app).post('/api/exports').set(bearer(manager)).send({ kind: 'designations_bailleur', params: { bailleurId: b.id, from: '2026-01-01', to: '2026-12-31' } });
  expect(r.status).toBe(201);
  return r.body.id as number;
}

const fins = (id: number) => compter(t.orm, `select 1 from audit_event where entite = 'export' and entite_id = ? and action in ('export_termine', 'export_echec')`, [id]);

describe('export job state transitions under concurrency (two replicas, 25 rounds)', () => {
  it('12 workers run the same export at once (pg-boss retry, sweep re-send) → one run produces it, 11 find it taken; one end audit event', async () => {
    await rondes(ROUNDS, async (round) => {
      const id = await demanderExport();
      const rs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => executerExport((i % 2 ? t.orm2 : t.orm).em.fork(), id, t.clock.now(), t.storage)),
      );
      expect(rs.filter((r) => r.statut === 'termine')).toHaveLength(1);
      expect(rs.filter((r) => r.statut === 'deja_pris')).toHaveLength(11);
      expect(await fins(id)).toBe(1);
    });
  });

  it('a run ending while two sweeps declare it interrupted → the row and its history agree: one end, audited once, never termine over echec', async () => {
    await rondes(ROUNDS, async (round) => {
      const id = await demanderExport();
      // Asked 3 hours ago: a sweep now takes a running export for an interrupted one.
      await q(t.orm, `update export set created_at = ? where id = ?`, [new Date(t.clock.now().getTime() - 3 * 3_600_000), id]);
      const envoyer = async () => undefined;
      const [run] = await Promise.all([
        executerExport(t.orm.em.fork(), id, t.clock.now(), t.storage),
        ...[t.orm, t.orm2, t.orm, t.orm2].map((orm, i) =>
          new Promise((ok) => setTimeout(ok, i * 3)).then(() => maintenanceExports(orm.em.fork(), t.clock.now(), t.storage, envoyer)),
        ),
      ]);
      const [row] = await q<{ statut: string; fichier: string | null }>(t.orm, `select statut, fichier from export where id = ?`, [id]);
      const evenements = await q<{ vers: string }>(t.orm, `select vers from audit_event where entite = 'export' and entite_id = ? and action in ('export_termine', 'export_echec')`, [id]);
      expect(evenements.map((e) => e.vers)).toEqual([row.statut]);
      expect(run.statut === 'termine' ? 'termine' : 'echec').toBe(row.statut);
      if (row.statut === 'echec') expect(row.fichier).toBeNull();
    });
  });
});
