import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '@shared/domain/enums';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
let fraude: string;
let admin: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'controle_fraude');
  fraude = await login(t.app, a.email, a.password);
  const b = await createAgent(t.orm, 'admin');
  admin = await login(t.app, b.email, b.password);
});
const tokenFor = (r: string) => (['agents', 'notifications'].includes(r) ? admin : fraude);

const BAD: Array<[string, Record<string, string>, string]> = [
  ['sort not JSON', { sort: '["id",' }, 'TRI_INVALIDE'],
  ['sort on an unknown field', { sort: '["nope","ASC"]' }, 'TRI_INVALIDE'],
  ['sort with a bad direction', { sort: '["id","UP"]' }, 'TRI_INVALIDE'],
  ['range not JSON', { range: '[0,' }, 'PLAGE_INVALIDE'],
  ['range reversed', { range: '[10,2]' }, 'PLAGE_INVALIDE'],
  ['range negative', { range: '[-1,5]' }, 'PLAGE_INVALIDE'],
  ['range of strings', { range: '["a","b"]' }, 'PLAGE_INVALIDE'],
  ['filter not JSON', { filter: '{"a":' }, 'FILTRE_INVALIDE'],
  ['filter an array', { filter: '[1,2]' }, 'FILTRE_INVALIDE'],
  ['filter on an unknown field', { filter: '{"nope":1}' }, 'FILTRE_INCONNU'],
  ['filter id not a number', { filter: '{"id":["x"]}' }, 'FILTRE_INVALIDE'],
];

describe.each(RESOURCES.filter((r) => r !== 'exports'))('%s list parameters', (resource) => {
  it.each(BAD)('%s → 400 problem+json', async (_label, query, code) => {
    const r = await request(t.app).get(`/api/${resource}`).query(query).set(bearer(tokenFor(resource)));
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body).toMatchObject({ status: 400, code });
    expect(typeof r.body.detail).toBe('string');
  });
});

describe('paging, sorting, search', () => {
  it('caps the page at 100 rows and says so in Content-Range', async () => {
    const r = await request(t.app).get('/api/candidatures').query({ range: '[0,499]' }).set(bearer(fraude));
    expect(r.status).toBe(200);
    expect(r.body).toHaveLength(100);
    expect(r.headers['content-range']).toMatch(/^candidatures 0-99\/\d+$/);
    expect(r.headers['access-control-expose-headers']).toMatch(/Content-Range/);
  });

  it('sorts in SQL on the requested field', async () => {
    const r = await request(t.app).get('/api/demandeurs').query({ sort: '["nom","DESC"]', range: '[0,49]' }).set(bearer(fraude));
    const noms = r.body.map((d: { nom: string }) => d.nom);
    expect(noms).toEqual([...noms].sort((a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it('q searches names case-insensitively (a prefix is found, as any part of a word)', async () => {
    const [{ nom }] = await t.orm.em.fork().getConnection().execute<{ nom: string }[]>(`select nom from demandeur order by id limit 1`);
    const r = await request(t.app).get('/api/demandeurs').query({ filter: JSON.stringify({ q: nom.slice(0, 3).toUpperCase() }) }).set(bearer(fraude));
    expect(r.status).toBe(200);
    expect(r.body.length).toBeGreaterThan(0);
    for (const d of r.body) expect(`${d.nom} ${d.prenom} ${d.email}`.toLowerCase()).toContain(nom.slice(0, 3).toLowerCase());
  });

  it('an unknown id is a 404 problem, a non-numeric id too', async () => {
    expect((await request(t.app).get('/api/candidatures/99999999').set(bearer(fraude))).status).toBe(404);
    expect((await request(t.app).get('/api/candidatures/abc').set(bearer(fraude))).status).toBe(404);
    expect((await request(t.app).get('/api/inconnu').set(bearer(fraude))).status).toBe(404);
  });
});
