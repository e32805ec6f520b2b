/**
 * Issue #15: a dossier's pieces as one ZIP (GET /api/candidatures/:id/pieces.zip), for those who may
 * download pieces, within their territory, audited before the first byte.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { SEED_NOW } from '@test/support/constants';
import { binaire, lireZip } from '@test/support/zip';
import { demandeurComplet } from '../donnees/fixtures';

const t = useTestApp();
let d: Awaited<ReturnType<typeof demandeurComplet>>;
let conseiller: { id: number; token: string };
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => t.orm.em.fork().execute<T[]>(q, p);

beforeAll(async () => {
  d = await demandeurComplet(t.orm, t.storage, SEED_NOW);
  const c = await createAgent(t.orm, 'conseiller', ['69'], 'zip');
  conseiller = { id: c.id, token: await login(t.app, c.email, c.password) };
});

const zip = (token: string, id: number) => request(t.app).get(`/api/candidatures/${id}/pieces.zip`).set(bearer(token)).buffer(true).parse(binaire as never);

describe('GET /api/candidatures/:id/pieces.zip', () => {
  it('DOSSIER-ZIP: every active piece of the dossier, byte for byte, named by holder and type; the download is audited with the pieces given', async () => {
    const r = await zip(conseiller.token, d.candidatureId);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    expect(r.headers['content-disposition']).toMatch(/^attachment; filename="pieces-CAN-DATA-\d+\.zip"$/);
    const entrees = await lireZip(r.body as Buffer);
    const actives = await sql<{ id: number; type: string; titulaire: string }>(
      `select id, type, titulaire from justificatif where demande_id = ? and actif and fichier_supprime_le is null order by titulaire, type, id`, [d.demandeId]);
    expect(actives.length).toBeGreaterThan(1);
    expect([...entrees.keys()].map((n) => n.split('-').slice(0, 3).join('-'))).toEqual(actives.map((p) => `${p.titulaire}-${p.type}-${p.id}`));
    for (const p of actives) {
      const [nom] = [...entrees.keys()].filter((n) => n.startsWith(`${p.titulaire}-${p.type}-${p.id}-`));
      expect(entrees.get(nom)!.equals(d.contenus[p.id])).toBe(true);
    }
    const [a] = await sql<{ action: string; details: { pieces: number[] } }>(
      `select action, details from audit_event where action = 'telechargement_pieces' and entite_id = ? and acteur_id = ?`, [d.candidatureId, conseiller.id]);
    expect(a.details.pieces).toEqual(actives.map((p) => p.id));
  });

  it('DOSSIER-ZIP: a manager may not (403), a conseiller of another territory gets 404; neither is audited', async () => {
    const m = await createAgent(t.orm, 'manager', [], 'zip');
    const autre = await createAgent(t.orm, 'conseiller', ['75'], 'zip');
    expect((await zip(await login(t.app, m.email, m.password), d.candidatureId)).status).toBe(403);
    expect((await zip(await login(t.app, autre.email, autre.password), d.candidatureId)).status).toBe(404);
    const [{ n }] = await sql<{ n: number }>(`select count(*)::int as n from audit_event where action = 'telechargement_pieces' and acteur_id in (?, ?)`, [m.id, autre.id]);
    expect(n).toBe(0);
  });
});
