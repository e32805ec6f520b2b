import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerCommunes, creerOffreTest } from './fixtures';

const t = useTestApp();
let manager: string;
let n = 0;
const corps = (o: Record<string, unknown>) => ({
  reference: `OFF-V-${process.pid % 10000}-${++n}`, titre: 'Logement de test', nature: 'classique', forme: 'identifie', bailleurId: 1, programmeId: 1,
  typologie: 'T3', commune: 'Lyon', codeInsee: '69123', codePostal: '69003', departement: '69', reglementation: 'pls',
  plafonds: { '1': 30000, '2': 40000, '6': 70000 }, ...o,
});
const creer = (o: Record<string, unknown>) => request(t.app).post('/api/offres').set(bearer(manager)).send(corps(o));
const champs = (r: request.Response) => (r.body.errors ?? []).map((e: { field: string }) => e.field).sort();

beforeAll(async () => {
  await creerCommunes(t.orm);
  const m = await createAgent(t.orm, 'manager');
  manager = await login(t.app, m.email, m.password);
});

describe('offer validation (§11.22)', () => {
  it('§11.22: an identifié offer needs a surface and a rent, and no ranges', async () => {
    expect((await creer({ surface: 62, loyer: 710 })).status).toBe(201);
    const r = await creer({ surface: 62 });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION');
    expect(champs(r)).toEqual(['loyer']);
    expect(champs(await creer({ surface: 62, loyer: 700, loyerMin: 600 }))).toEqual(['loyerMin']);
  });

  it('§11.22: a type offer needs surface and rent ranges with min ≤ max, and no single value', async () => {
    expect((await creer({ forme: 'type', surfaceMin: 55, surfaceMax: 70, loyerMin: 600, loyerMax: 600 })).status).toBe(201);
    expect(champs(await creer({ forme: 'type', surfaceMin: 55, loyerMin: 600, loyerMax: 700 }))).toEqual(['surfaceMax']);
    expect(champs(await creer({ forme: 'type', surfaceMin: 75, surfaceMax: 70, loyerMin: 800, loyerMax: 700 }))).toEqual(['loyerMax', 'surfaceMax']);
    expect(champs(await creer({ forme: 'type', surface: 60, surfaceMin: 55, surfaceMax: 70, loyerMin: 600, loyerMax: 700 }))).toEqual(['surface']);
  });

  it('R-ELIG: plafonds are given for household sizes 1 to 6, positive', async () => {
    expect((await creer({ surface: 40, loyer: 500, plafonds: { '7': 80000 } })).status).toBe(400);
    expect((await creer({ surface: 40, loyer: 500, plafonds: { '2': -5 } })).status).toBe(400);
    expect((await creer({ surface: 40, loyer: 500, plafonds: {} })).status).toBe(201); // libre: no plafond
  });

  it('ISSUE-17: titles derive from the data at creation: « typologie, surface – programme, commune »; a title sent by the client is not kept', async () => {
    const [{ nom: programme }] = await t.orm.em.fork().execute<{ nom: string }[]>(`select nom from programme where id = 1`);
    const sans = await creer({ titre: undefined, typologie: 'T2', surface: 47.5, loyer: 640 });
    expect(sans.status).toBe(201);
    expect(sans.body.titre).toBe(`T2 de 47,5 m² – ${programme}, Lyon`);
    const type = await creer({ titre: undefined, forme: 'type', typologie: 'studio', nature: 'courte_duree', surfaceMin: 20, surfaceMax: 26, loyerMin: 500, loyerMax: 600 });
    expect(type.body.titre).toBe(`Studios de 20 à 26 m² meublés, courte durée – ${programme}, Lyon`);
    expect((await creer({ titre: null, typologie: 'T1', surface: 30, loyer: 450 })).body.titre).toBe(`T1 de 30 m² – ${programme}, Lyon`);
    // « T2 de 48 m² » on a 47,5 m² dwelling misled the demandeur: a free title could say anything.
    expect((await creer({ titre: 'T2 de 48 m²', typologie: 'T2', surface: 47.5, loyer: 640 })).body.titre).toBe(`T2 de 47,5 m² – ${programme}, Lyon`);
  });

  it('ISSUE-17: the title follows the data on update (typologie, surface, commune, programme), in the same write; a title sent alone changes nothing', async () => {
    const { id, programmeId } = await creerOffreTest(t.orm, t.clock.now());
    const [{ nom: programme }] = await t.orm.em.fork().execute<{ nom: string }[]>(`select nom from programme where id = ?`, [programmeId]);
    const put = (body: object) => request(t.app).put(`/api/offres/${id}`).set(bearer(manager)).send(body);
    const r = await put({ typologie: 'T3', surface: 47.5 });
    expect(r.status).toBe(200);
    expect(r.body.titre).toBe(`T3 de 47,5 m² – ${programme}, Bourg-en-Bresse`);
    expect((await put({ commune: 'Péronnas' })).body.titre).toBe(`T3 de 47,5 m² – ${programme}, Péronnas`);
    const type = await put({ forme: 'type', surface: null, loyer: null, surfaceMin: 45, surfaceMax: 60, loyerMin: 550, loyerMax: 700 });
    expect(type.body.titre).toBe(`T3 de 45 à 60 m² – ${programme}, Péronnas`);
    const seul = await put({ titre: 'Titre seul' }); // react-admin sends the whole record back: the title is read-only, not refused
    expect(seul.status).toBe(200);
    expect(seul.body.titre).toBe(`T3 de 45 à 60 m² – ${programme}, Péronnas`);
  });

  it('R-PUB: a window given at creation ends after it starts', async () => {
    const r = await creer({ surface: 40, loyer: 500, debutPublication: '2026-12-10T00:00:00Z', finPublication: '2026-12-01T00:00:00Z' });
    expect(champs(r)).toEqual(['finPublication']);
  });

  it('§11.22: an update is checked against the stored row (switching to type needs the ranges)', async () => {
    const { id } = await creerOffreTest(t.orm, t.clock.now());
    const put = (body: object) => request(t.app).put(`/api/offres/${id}`).set(bearer(manager)).send(body);
    const r = await put({ forme: 'type' });
    expect(r.status).toBe(400);
    expect(champs(r)).toEqual(expect.arrayContaining(['surfaceMin', 'loyerMax', 'surface', 'loyer']));
    const ok = await put({ forme: 'type', surface: null, loyer: null, surfaceMin: 45, surfaceMax: 60, loyerMin: 550, loyerMax: 700 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ forme: 'type', surface: null, surfaceMin: 45 });
    expect((await put({ loyerMin: 900 })).status).toBe(400);
  });
});
