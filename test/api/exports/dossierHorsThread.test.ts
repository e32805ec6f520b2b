import { isMainThread } from 'node:worker_threads';
import request from 'supertest';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { executerExport } from '@server/modules/exports/executer';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';
import { creerDossier } from '@test/support/fixtures';
import { ajouterPiece, creerBailleur, creerOffreDe, designer, pdfAvec, pngTest, stocker } from './fixtures';

/** Every call of the dossier builder made in this (the API's) thread is recorded; the worker threads load their own, unrecorded copy. */
const appelsIci = vi.hoisted(() => ({ n: 0 }));
vi.mock('@server/modules/exports/dossierPdf', async (original) => {
  const m = await original<typeof import('@server/modules/exports/dossierPdf')>();
  return { ...m, construireDossierPdf: (...a: Parameters<typeof m.construireDossierPdf>) => { if (isMainThread) appelsIci.n++; return m.construireDossierPdf(...a); } };
});

const t = useTestApp();
let manager: string;
let candidatureId: number;

beforeAll(async () => {
  const m = await createAgent(t.orm, 'manager');
  manager = await login(t.app, m.email, m.password);
  const c = await createAgent(t.orm, 'conseiller', ['69']);
  const bailleur = await creerBailleur(t.orm, 'Bailleur hors thread');
  const offre = await creerOffreDe(t.orm, bailleur.id, 'pls');
  const d = await creerDossier(t.orm, { offreId: offre, statut: 'en_instruction', pieces: {} });
  await ajouterPiece(t.orm, d.demandeId, 'identite', await stocker(t.storage, await pdfAvec('PIECE-identite', 1)));
  await ajouterPiece(t.orm, d.demandeId, 'avis_imposition', await stocker(t.storage, pngTest()), { mime: 'image/png' });
  await designer(t.orm, d.candidatureId, new Date('2026-10-20T09:00:00Z'), c.id);
  candidatureId = d.candidatureId;
});

describe('POST /api/exports dossier_designation, off the event loop', () => {
  it('SEC-BOMBE: the manager’s dossier PDF (stored PDFs parsed, PNGs decoded) is built in the bounded worker pool, never on the API’s thread', async () => {
    const r = await request(t.app).post('/api/exports').set(bearer(manager)).send({ kind: 'dossier_designation', params: { candidatureId } });
    expect(r.status).toBe(201);
    const res = await executerExport(t.orm.em.fork(), r.body.id, t.clock.now(), t.storage);
    expect(res.statut).toBe('termine');
    expect(res.lignes).toBeGreaterThanOrEqual(3); // cover, summary, pieces: the page count came back from the worker
    expect(appelsIci.n).toBe(0);
  });
});
