import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerCandidatureTest, creerCommunes, creerDemandeurTest, creerOffreTest, jours } from './fixtures';

const t = useTestApp();
const tokens: Record<string, string> = {};
const now = () => t.clock.now();
const get = (who: string, id: number, q = '') => request(t.app).get(`/api/offres/${id}/correspondances${q}`).set(bearer(tokens[who]));
interface Body {
  correspondances: { demandeurId: number; palier: number; raisons: string[]; secteur: { atteint: boolean; distanceKm: number } }[];
  ecartes: { demandeurId: number; code: string; raison: string }[];
  total: number;
  evalues: number;
  suivant: number | null;
  offre: { enLigne: boolean };
}

beforeAll(async () => {
  await creerCommunes(t.orm);
  for (const [role, terr] of [['conseiller', ['01']], ['conseiller69', ['69']], ['controle_fraude', []], ['manager', []], ['admin', []]] as const) {
    const a = await createAgent(t.orm, role === 'conseiller69' ? 'conseiller' : role, [...terr]);
    tokens[role] = await login(t.app, a.email, a.password);
  }
});

describe('matching for a proposition (§11.17, R-ELIG, R-LIMIT)', () => {
  it('R-ELIG R-LIMIT: an unpublished offer matches the demandeurs in reach, eligible and within limits; the others are left out with their code', async () => {
    const offre = await creerOffreTest(t.orm, now(), { publiee: false, debut: null, fin: null, typologie: 'T2', plafonds: { 1: 30000, 2: 40000, 3: 48000 } });
    const ok = await creerDemandeurTest(t.orm, now(), { secteurs: [{ commune: 'peronnas', rayonKm: 5 }], nom: 'Alpha' });
    const surPlace = await creerDemandeurTest(t.orm, now(), { secteurs: [{ commune: 'bourg', rayonKm: 0 }], nom: 'Beta', pieces: { identite: 'depose' } });
    const loin = await creerDemandeurTest(t.orm, now(), { secteurs: [{ commune: 'amberieu', rayonKm: 20 }], nom: 'Gamma' });
    const horsMarge = await creerDemandeurTest(t.orm, now(), { secteurs: [{ commune: 'amberieu', rayonKm: 0 }], nom: 'Delta' });
    const riche = await creerDemandeurTest(t.orm, now(), { revenu: 90000, nom: 'Epsilon' });
    const grandFoyer = await creerDemandeurTest(t.orm, now(), { nombrePersonnes: 6, revenu: 20000, nom: 'Zeta' });
    const suspendu = await creerDemandeurTest(t.orm, now(), { suspenduJusquAu: jours(now(), 100), nom: 'Eta' });
    const brouillon = await creerDemandeurTest(t.orm, now(), { statutDemande: 'brouillon', nom: 'Theta' });
    const cinq = await creerDemandeurTest(t.orm, now(), { nom: 'Iota' });
    for (let i = 0; i < 5; i++) await creerCandidatureTest(t.orm, now(), cinq, (await creerOffreTest(t.orm, now())).id);
    const memeProgramme = await creerDemandeurTest(t.orm, now(), { nom: 'Kappa' });
    await creerCandidatureTest(t.orm, now(), memeProgramme, (await creerOffreTest(t.orm, now(), { programmeId: offre.programmeId, typologie: 'T2' })).id);
    const dejaCandidat = await creerDemandeurTest(t.orm, now(), { nom: 'Lambda' });
    await creerCandidatureTest(t.orm, now(), dejaCandidat, offre.id);

    const r = await get('conseiller', offre.id);
    expect(r.status).toBe(200);
    const body = r.body as Body;
    expect(body.offre.enLigne).toBe(false);
    // Other files' demandeurs may search around Bourg-en-Bresse too (shared database): look at ours.
    const miens = new Set([ok, surPlace, loin, horsMarge, riche, grandFoyer, suspendu, brouillon, cinq, memeProgramme, dejaCandidat].map((d) => d.demandeurId));
    const trouves = body.correspondances.filter((c) => miens.has(c.demandeurId));
    expect(trouves.map((c) => c.demandeurId)).toEqual([ok.demandeurId, surPlace.demandeurId]); // palier 1 (complete) before palier 3
    expect(trouves[0].raisons.join(' ')).toMatch(/Péronnas dans un rayon de 5 km : l’offre est à 3(,\d)? km/);
    expect(trouves[0].raisons.join(' ')).toMatch(/sous le plafond de 40\s000\s€ pour 2 personnes/);
    expect(trouves[1].palier).toBe(3);
    const paliers = body.correspondances.map((c) => c.palier);
    expect(paliers).toEqual([...paliers].sort((a, b) => a - b)); // the offer's ranking rule orders the whole page
    const code = (d: { demandeurId: number }) => body.ecartes.find((e) => e.demandeurId === d.demandeurId)?.code;
    expect(code(loin)).toBe('HORS_SECTEUR');
    expect(body.ecartes.find((e) => e.demandeurId === loin.demandeurId)?.raison).toMatch(/au-delà du rayon de recherche de 20 km/);
    expect(code(horsMarge)).toBeUndefined(); // 30 km away with a 0 km radius: beyond the 15 km margin, not even evaluated
    expect(code(riche)).toBe('NON_ELIGIBLE');
    expect(code(grandFoyer)).toBe('NON_ELIGIBLE');
    expect(code(suspendu)).toBe('SUSPENDU');
    expect(code(brouillon)).toBeUndefined(); // only complete demandes are searched
    expect(code(cinq)).toBe('LIMITE_CLASSIQUE');
    expect(code(memeProgramme)).toBe('LIMITE_PROGRAMME');
    expect(code(dejaCandidat)).toBe('DEJA_CANDIDAT');
  });

  it('§11.17: pages of at most 200 evaluated candidates (debut, nombre, suivant)', async () => {
    const offre = await creerOffreTest(t.orm, now(), { commune: 'peronnas' });
    const ids: number[] = [];
    for (let i = 0; i < 3; i++) ids.push((await creerDemandeurTest(t.orm, now(), { secteurs: [{ commune: 'peronnas', rayonKm: 0 }], creeLe: jours(now(), -10 + i) })).demandeurId);
    const vus: number[] = [];
    let debut: number | null = 0;
    let pages = 0;
    while (debut !== null && pages < 50) {
      const page = (await get('conseiller', offre.id, `?debut=${debut}&nombre=2`)).body as Body;
      expect(page.evalues).toBeLessThanOrEqual(2);
      vus.push(...page.correspondances.map((c) => c.demandeurId), ...page.ecartes.map((e) => e.demandeurId));
      debut = page.suivant;
      pages += 1;
    }
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(vus.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
    expect(new Set(vus).size).toBe(vus.length); // no one twice across pages
    expect((await get('conseiller', offre.id, '?nombre=201')).status).toBe(400);
  });

  it('R-ELIG: who may see the matches — the offer’s territory, fraud control and managers; 404 outside; 403 for admins', async () => {
    const offre = await creerOffreTest(t.orm, now());
    expect((await get('conseiller', offre.id)).status).toBe(200);
    expect((await get('controle_fraude', offre.id)).status).toBe(200);
    expect((await get('manager', offre.id)).status).toBe(200);
    expect((await get('conseiller69', offre.id)).status).toBe(404);
    expect((await get('admin', offre.id)).status).toBe(403);
  });
});
