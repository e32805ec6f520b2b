import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { requetesPendant } from '@test/support/requetes';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';
import { defineAbilityFor } from '@shared/abilities';
import { departementsDuPerimetre } from '@server/http/abilitySql';
import { candidatures } from '@server/modules/candidatures/candidatures.resource';

/**
 * Issue #19, search (`filter.q`): case- and accent-insensitive, anywhere in the words, on the
 * reference, nom, prénom, e-mail and phone (pg_trgm + als_unaccent, migration recherche_trigrammes).
 */
const t = useTestApp();
let fraude: string;
const ids = { noel: 0, NOEL: 0, autre: 0 };
const cand = { noel: 0, autre: 0, reference: '' };

beforeAll(async () => {
  const a = await createAgent(t.orm, 'controle_fraude');
  fraude = await login(t.app, a.email, a.password);
  const offreId = await creerOffre(t.orm);
  const c = t.orm.em.fork().getConnection();
  const d1 = await creerDossier(t.orm, { offreId });
  const d2 = await creerDossier(t.orm, { offreId });
  const d3 = await creerDossier(t.orm, { offreId });
  await c.execute(`update demandeur set nom = 'Noël', prenom = 'Éloïse', email = 'eloise.noel@exemple.fr', telephone = '06 12 34 56 78' where id = ?`, [d1.demandeurId]);
  await c.execute(`update demandeur set nom = 'NOËL', prenom = 'Gaëtan' where id = ?`, [d2.demandeurId]);
  await c.execute(`update demandeur set nom = 'Durand', prenom = 'Léon' where id = ?`, [d3.demandeurId]);
  Object.assign(ids, { noel: d1.demandeurId, NOEL: d2.demandeurId, autre: d3.demandeurId });
  const [r] = await c.execute<{ reference: string }[]>(`select reference from candidature where id = ?`, [d3.candidatureId]);
  Object.assign(cand, { noel: d1.candidatureId, autre: d3.candidatureId, reference: r.reference });
});

async function chercher(resource: string, q: string, parmi: number[]) {
  const r = await request(t.app).get(`/api/${resource}`).query({ filter: JSON.stringify({ q, id: parmi }), range: '[0,99]' }).set(bearer(fraude));
  expect(r.status).toBe(200);
  return (r.body as { id: number }[]).map((x) => x.id).sort((a, b) => a - b);
}

describe('GET list ?filter={"q":…} (issue #19 search)', () => {
  it('« noel » finds Noël and NOËL, not Durand; « NOËL » and « oël » too (case, accents, anywhere in the word)', async () => {
    const tous = [ids.noel, ids.NOEL, ids.autre];
    const attendu = [ids.noel, ids.NOEL].sort((a, b) => a - b);
    expect(await chercher('demandeurs', 'noel', tous)).toEqual(attendu);
    expect(await chercher('demandeurs', 'NOËL', tous)).toEqual(attendu);
    expect(await chercher('demandeurs', 'oël', tous)).toEqual(attendu);
    expect(await chercher('demandeurs', 'noël éloise', tous)).toEqual([ids.noel]);
  });

  it('searches the e-mail and the phone (as typed or digits only)', async () => {
    const tous = [ids.noel, ids.NOEL, ids.autre];
    expect(await chercher('demandeurs', 'eloise.noel@', tous)).toEqual([ids.noel]);
    expect(await chercher('demandeurs', '0612345678', tous)).toEqual([ids.noel]);
    expect(await chercher('demandeurs', '56 78', tous)).toEqual([ids.noel]);
  });

  it('candidatures: by the demandeur (noel) and by any part of the reference; % and _ are literal', async () => {
    const tous = [cand.noel, cand.autre];
    expect(await chercher('candidatures', 'NOEL', tous)).toEqual([cand.noel]);
    expect(await chercher('candidatures', cand.reference.slice(3).toLowerCase(), tous)).toEqual([cand.autre]);
    expect(await chercher('candidatures', '%', tous)).toEqual([]);
    expect(await chercher('candidatures', '_', tous)).toEqual([]);
  });
});

describe('VOLUME-RECHERCHE: a search is evaluated once for its page and its total', () => {
  it('VOLUME-RECHERCHE: pages of a search over several pages, each sort, equal the rows and total SQL gives', async () => {
    const offreId = await creerOffre(t.orm);
    const c = t.orm.em.fork().getConnection();
    const faits: number[] = [];
    for (let i = 0; i < 23; i++) {
      const d = await creerDossier(t.orm, { offreId, dateCandidature: new Date(Date.UTC(2026, 9, 1 + (i % 7), 8, i)) });
      await c.execute(`update demandeur set nom = ? where id = ?`, [`Zorglüb${i}`, d.demandeurId]);
      faits.push(d.candidatureId);
    }
    const attendu = async (ordre: string) =>
      (await c.execute<{ id: number }[]>(
        `select c.id from candidature c join demandeur d on d.id = c.demandeur_id where c.id = any(?::int[]) order by ${ordre}`, [`{${faits.join(',')}}`],
      )).map((r) => r.id);
    // Sorted on the candidature's own columns (from the matches' rows) and on a joined one (fetched again by id).
    for (const [tri, ordre] of [
      [['demandeurNom', 'DESC'], 'd.nom desc nulls last, c.id desc'],
      [['dateCandidature', 'DESC'], 'date_candidature desc, c.id desc'],
      [['dateCandidature', 'ASC'], 'date_candidature asc, c.id asc'],
      [['id', 'ASC'], 'c.id asc'],
    ] as const) {
      const lus: number[] = [];
      for (const range of ['[0,9]', '[10,19]', '[20,29]']) {
        const r = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ q: 'zorglub' }), sort: JSON.stringify(tri), range }).set(bearer(fraude));
        expect(r.status).toBe(200);
        expect(r.headers['content-range']).toMatch(/\/23$/);
        lus.push(...(r.body as { id: number }[]).map((x) => x.id));
      }
      expect(lus).toEqual(await attendu(ordre));
    }
  });
  it('VOLUME-RECHERCHE: a full page of a search and its exact total read the demandeurs\' trigram index once, in one statement', async () => {
    const requetes = await requetesPendant(t.orm, async () => {
      const r = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ q: 'zorglub' }), range: '[0,9]' }).set(bearer(fraude));
      expect(r.status).toBe(200);
      expect(r.headers['content-range']).toMatch(/\/23$/);
    });
    expect(requetes.filter((q) => q.includes('rd.recherche like'))).toHaveLength(1);
  });
  it('VOLUME-RECHERCHE: a conseiller\'s search first keeps the demandeurs with a candidature in his départements, and answers exactly his scope', async () => {
    const [o69, o75] = [await creerOffre(t.orm), await creerOffre(t.orm, { departement: '75' })];
    const c = t.orm.em.fork().getConnection();
    const deux = await creerDossier(t.orm, { offreId: o69 }); // a candidature in 69, another in 75
    const [{ id: en75 }] = await c.execute<{ id: number }[]>(
      `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine)
       select 'CAN-RP-' || ?, demande_id, demandeur_id, ?, '75', nature, 'deposee', now(), 'portail' from candidature where id = ? returning id`,
      [deux.candidatureId, o75, deux.candidatureId],
    );
    const seul69 = await creerDossier(t.orm, { offreId: o69 });
    await c.execute(`update demandeur set nom = 'Zéphyrin' where id = any(?::int[])`, [`{${deux.demandeurId},${seul69.demandeurId}}`]);
    const agent75 = await createAgent(t.orm, 'conseiller', ['75'], 'recherche-75');
    const agent69 = await createAgent(t.orm, 'conseiller', ['69'], 'recherche-69');
    expect(departementsDuPerimetre(defineAbilityFor({ ...agent75, role: 'conseiller', territoires: ['75'] } as never), 'read', candidatures)).toEqual(['75']);
    expect(departementsDuPerimetre(defineAbilityFor({ id: 1, role: 'controle_fraude', territoires: [] } as never), 'read', candidatures)).toBeNull();

    const trouve = async (jeton: string) => {
      const r = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ q: 'zephyrin' }), range: '[0,9]' }).set(bearer(jeton));
      expect(r.status).toBe(200);
      return (r.body as { id: number }[]).map((x) => x.id).sort((a, b) => a - b);
    };
    const pour75 = await requetesPendant(t.orm, async () => expect(await trouve(await login(t.app, agent75.email, agent75.password))).toEqual([en75]));
    expect(pour75.find((q) => q.includes('rd.recherche like'))).toContain("(rd.departements || '{}'::text[]) && ?::text[]");
    expect(await trouve(await login(t.app, agent69.email, agent69.password))).toEqual([deux.candidatureId, seul69.candidatureId].sort((a, b) => a - b));
    const pourFraude = await requetesPendant(t.orm, async () =>
      expect(await trouve(fraude)).toEqual([deux.candidatureId, en75, seul69.candidatureId].sort((a, b) => a - b)));
    expect(pourFraude.filter((q) => q.includes('rd.recherche like')).every((q) => !q.includes('rd.departements ||'))).toBe(true);
  });
});
