import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { describe, expect, inject, it } from 'vitest';
import type { NatureOffre, Reglementation, Typologie } from '@shared/domain/enums';
import type { JustificatifRules } from '@shared/domain/types';
import { verifierEligibilite } from '@shared/rules/eligibilite';
import { estPubliee } from '@shared/rules/publication';
import { importerCommunes, lignesDuFichier } from '@server/modules/communes/import';
import { bearer, useTestApp } from '@test/support/app';
import { connexion, demande, demandeurActif, offre, piece, q } from './fixtures';

const t = useTestApp();
const CSV = path.resolve('test/api/portail/donnees/communes-departement-region.csv');

interface OffreDb {
  id: number;
  nature: NatureOffre;
  typologie: Typologie;
  reglementation: Reglementation;
  plafonds: Record<string, number>;
  publiee: boolean;
  debut: Date | null;
  fin: Date | null;
  depubliee: boolean;
  code_insee: string;
  lat: number | null;
  lon: number | null;
}
const toutes = () =>
  q<OffreDb>(
    t.orm,
    `select o.id, o.nature, o.typologie, o.reglementation, o.plafonds, o.publiee, o.debut_publication as debut, o.fin_publication as fin,
            (o.depubliee_le is not null or o.reprise_le is not null) as depubliee, o.code_insee, c.latitude as lat, c.longitude as lon
       from offre o left join commune c on c.code_insee = o.code_insee`,
  );
const publiee = (o: OffreDb) => estPubliee({ publiee: o.publiee, debutPublication: o.debut, finPublication: o.fin, depubliee: o.depubliee }, t.clock.now());

async function liste(query: string, token?: string): Promise<{ ids: number[]; total: number; rows: Record<string, unknown>[] }> {
  const ids: number[] = [];
  const rows: Record<string, unknown>[] = [];
  let total = 0;
  for (let debut = 0; ; debut += 100) {
    const r = request(t.app).get(`/api/portail/offres?${query}${query ? '&' : ''}range=${encodeURIComponent(JSON.stringify([debut, debut + 99]))}`);
    const res = await (token ? r.set(bearer(token)) : r);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    total = Number(String(res.headers['content-range']).split('/')[1]);
    rows.push(...res.body);
    ids.push(...res.body.map((x: { id: number }) => x.id));
    if (res.body.length < 100) break;
  }
  expect(ids.length).toBe(total);
  return { ids, total, rows };
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const r = (x: number) => (x * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

describe('GET /api/portail/offres', () => {
  it('R-PUB: a visitor sees exactly the published offers (shared estPubliee), paged with Content-Range', async () => {
    await offre(t.orm, t.clock.now(), { debut: new Date(t.clock.now().getTime() + 3600_000) }); // not yet
    await offre(t.orm, t.clock.now(), { fin: t.clock.now() }); // just ended
    const attendu = (await toutes()).filter(publiee).map((o) => o.id).sort((a, b) => a - b);
    const { ids } = await liste('');
    expect([...ids].sort((a, b) => a - b)).toEqual(attendu);
    expect(attendu.length).toBeGreaterThan(5);
    const page = await request(t.app).get('/api/portail/offres?range=[0,4]');
    expect(page.body).toHaveLength(5);
    expect(page.headers['content-range']).toBe(`offres 0-4/${attendu.length}`);
    expect(page.headers['x-offres-eligibles']).toBe('non');
  });

  it('R-ELIG: a demandeur with a complete demande sees only the published offers it is eligible to (= shared verifierEligibilite), for several households', async () => {
    await offre(t.orm, t.clock.now(), { plafonds: { 1: 18_000, 2: 25_000, 4: 40_000 }, typologie: 'T3' });
    await offre(t.orm, t.clock.now(), { plafonds: { 3: 30_000 }, typologie: 'T4', reglementation: 'plus' });
    const foyers = [
      { nombrePersonnes: 1, revenu: 15_000 },
      { nombrePersonnes: 2, revenu: 25_000 },
      { nombrePersonnes: 3, revenu: 29_000, expire: true },
      { nombrePersonnes: 5, revenu: 45_000 },
      { nombrePersonnes: 2, revenu: 90_000 },
    ];
    const offres = (await toutes()).filter(publiee);
    for (const f of foyers) {
      const a = await demandeurActif(t.orm);
      const demandeId = await demande(t.orm, a.id, { nombrePersonnes: f.nombrePersonnes, revenu: f.revenu });
      if (f.expire) await piece(t.orm, demandeId, 'justificatif_domicile', { fin: '2026-10-01' });
      const pieces = await q<JustificatifRules>(t.orm, `select id, titulaire, type, statut, date_validite_fin as "dateValiditeFin" from justificatif where demande_id = ? and actif`, [demandeId]);
      const foyer = { nombrePersonnes: f.nombrePersonnes, revenuFiscalReference: f.revenu, codemandeur: false, situationsPrioritaires: [], publicCible: 'peec' as const };
      const attendu = offres
        .filter((o) => verifierEligibilite({ typologie: o.typologie, reglementation: o.reglementation, plafonds: Object.fromEntries(Object.entries(o.plafonds).map(([k, v]) => [Number(k), v])) }, foyer, pieces, t.clock.now()).length === 0)
        .map((o) => o.id)
        .sort((x, y) => x - y);
      const token = await connexion(t.app, a.email);
      const { ids } = await liste('', token);
      expect([...ids].sort((x, y) => x - y), JSON.stringify(f)).toEqual(attendu);
      expect(attendu.length, JSON.stringify(f)).toBeLessThan(offres.length);
    }
  });

  it('R-ELIG: without a complete demande a demandeur sees every published offer, like a visitor', async () => {
    const a = await demandeurActif(t.orm);
    await demande(t.orm, a.id, { socles: false, revenu: 500_000 });
    const visiteur = await liste('');
    const r = await liste('', await connexion(t.app, a.email));
    expect(r.total).toBe(visiteur.total);
  });

  it('§11.17: communes + rayonKm (0–100) filter by the communes’ coordinates, nearest first', async () => {
    const offres = (await toutes()).filter(publiee);
    const [lyon] = await q<{ lat: number; lon: number }>(t.orm, `select latitude as lat, longitude as lon from commune where code_insee = '69123'`);
    const zero = await liste('communes=69123&rayonKm=0');
    expect(zero.ids.sort()).toEqual(offres.filter((o) => o.code_insee === '69123').map((o) => o.id).sort());
    const vingt = await liste('communes=69123&rayonKm=20');
    const attendu = offres.filter((o) => o.code_insee === '69123' || (o.lat !== null && km(lyon, { lat: o.lat, lon: o.lon! }) <= 20)).map((o) => o.id);
    expect(vingt.ids.sort()).toEqual(attendu.sort());
    expect(vingt.ids.length).toBeGreaterThan(zero.ids.length);
    const distances = vingt.rows.map((r) => r.distanceKm as number);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(20);
    const deux = await liste('communes=69123,75056&rayonKm=5');
    expect(deux.rows.some((r) => r.departement === '75')).toBe(true);
    expect(deux.rows.some((r) => r.departement === '69')).toBe(true);
  });

  it('rejects bad search parameters with 400', async () => {
    for (const qs of ['communes=69123&rayonKm=101', 'communes=69123&rayonKm=-1', 'communes=69123&rayonKm=abc', 'rayonKm=10', 'communes=99999', 'communes=abc', 'range=[5,1]', 'range=nope', 'communes=69123&communes=69266', 'nature=autre']) {
      const r = await request(t.app).get(`/api/portail/offres?${qs}`);
      expect(r.status, qs).toBe(400);
      expect(r.body.code).toMatch(/PARAMETRE_INVALIDE|COMMUNE_INCONNUE/);
    }
    expect((await request(t.app).get('/api/portail/offres?communes=69123&rayonKm=100')).status).toBe(200);
  });

  it('GET /offres/:id answers a published offer and 404 for an unpublished one', async () => {
    const ok = await offre(t.orm, t.clock.now());
    const ko = await offre(t.orm, t.clock.now(), { publiee: false });
    expect((await request(t.app).get(`/api/portail/offres/${ok}`)).status).toBe(200);
    expect((await request(t.app).get(`/api/portail/offres/${ko}`)).status).toBe(404);
  });
});

describe('communes import (npm run communes:import)', () => {
  it('upserts the data.gouv CSV in batches: smallest postal code, quoted fields, Corsica and overseas, rows without coordinates skipped; idempotent', async () => {
    const b = await importerCommunes(t.orm.em.fork(), lignesDuFichier(CSV), 2);
    expect(b).toEqual({ lues: 8, importees: 6, ignorees: 1 });
    const rows = await q(t.orm, `select code_insee, nom, code_postal, departement from commune where code_insee in ('38185', '38421', '38382', '2A004', '97411', '01001', '98611') order by code_insee`);
    expect(rows).toEqual([
      { code_insee: '01001', nom: 'L\'Abergement-Clémenciat', code_postal: '01400', departement: '01' },
      { code_insee: '2A004', nom: 'Ajaccio', code_postal: '20000', departement: '2A' },
      { code_insee: '38185', nom: 'Grenoble', code_postal: '38000', departement: '38' },
      { code_insee: '38382', nom: 'Saint-Égrève, « test »', code_postal: '38120', departement: '38' },
      { code_insee: '38421', nom: 'Saint-Martin-d\'Hères', code_postal: '38400', departement: '38' },
      { code_insee: '97411', nom: 'Saint-Denis', code_postal: '97400', departement: '974' },
    ]);
    await importerCommunes(t.orm.em.fork(), lignesDuFichier(CSV));
    // Idempotent: the same six rows, no duplicate (counted on the file's codes: other tests add communes of these départements).
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from commune where code_insee in ('38185', '38421', '38382', '2A004', '97411', '01001', '98611')`);
    expect(n).toBe(6);
    // The imported coordinates feed the radius search.
    const grenoble = await offre(t.orm, t.clock.now(), { codeInsee: '38185' });
    expect((await liste('communes=38421&rayonKm=5')).ids).toContain(grenoble);
    expect((await liste('communes=38421&rayonKm=3')).ids).not.toContain(grenoble);
  });

  it('the npm script runs the import on DATABASE_URL', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'communes:import', '--', CSV], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), DEMO: '0' },
      timeout: 60_000,
    });
    expect(stdout).toMatch(/8 lignes lues, 6 communes importées ou mises à jour, 1 lignes ignorées/);
  });
});
