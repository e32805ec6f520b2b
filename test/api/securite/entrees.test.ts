import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOURCE_DEFS } from '@server/http/resources';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { connexion, demandeurActif, q } from '@test/api/portail/fixtures';

const t = useTestApp();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const role of ['controle_fraude', 'manager', 'admin'] as const) {
    const a = await createAgent(t.orm, role);
    tokens[role] = await login(t.app, a.email, a.password);
  }
});
/** Who reads each resource (a reader gets past the ability to the filter parsing). */
const lecteur = (name: string) => (['agents', 'notifications'].includes(name) ? 'admin' : name === 'exports' ? 'manager' : 'controle_fraude');
const PROTO = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__', '__lookupGetter__'];
const get = (url: string, role = 'controle_fraude') => request(t.app).get(url).set(bearer(tokens[role]));
const enc = (v: unknown) => encodeURIComponent(JSON.stringify(v));
const probleme400 = (r: request.Response, where: string) => {
  expect(r.status, `${where}: ${r.status} ${JSON.stringify(r.body)}`).toBe(400);
  expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
};

describe('SEC-PROTO: keys of Object.prototype in filter, sort and range', () => {
  it('every list answers 400 problem+json for a prototype key as filter, bound, sort or range (600 requests, no 500)', async () => {
    let n = 0;
    for (const def of RESOURCE_DEFS) {
      const base = `/api/${def.name}`;
      for (const k of PROTO) {
        const urls = [
          `${base}?filter=${enc({ [k]: 'x' })}`,
          `${base}?filter=${encodeURIComponent(`{"${k}":1}`)}`,
          `${base}?filter=${enc({ [`${k}_gte`]: 1 })}`,
          `${base}?sort=${enc([k, 'ASC'])}`,
        ];
        for (const url of urls) {
          probleme400(await get(url, lecteur(def.name)), url);
          n++;
        }
      }
    }
    expect(n).toBe(RESOURCE_DEFS.length * PROTO.length * 4);
  });

  it('action routes named after prototype members are unknown (404), never a 500', async () => {
    for (const k of PROTO) {
      for (const url of [`/api/candidatures/1/${k}`, `/api/offres/1/${k}`, `/api/signalements/1/${k}`]) {
        const r = await request(t.app).post(url).set(bearer(tokens.controle_fraude)).send({});
        expect([404, 405], `${url}: ${r.status}`).toContain(r.status);
      }
    }
  });
});

describe('SEC-NUL: a NUL character anywhere is a 400, never a 500', () => {
  it('login e-mail (agents and portal), a note, a motif, q, a filter value, a JSON key, the query string', async () => {
    const nul = 'a\u0000b';
    const cas: [string, request.Test][] = [
      ['login', request(t.app).post('/api/auth/login').send({ email: `x${nul}@als.test`, password: 'peu importe !' })],
      ['portail', request(t.app).post('/api/portail/connexion').send({ email: `x${nul}@exemple.fr`, motDePasse: 'peu importe !' })],
      ['inscription', request(t.app).post('/api/portail/comptes').send({ civilite: 'Mme', nom: nul, prenom: 'A', email: 'nul@exemple.fr', motDePasse: 'une phrase de passe assez longue' })],
      ['note', request(t.app).post('/api/demandes/1/notes').set(bearer(tokens.controle_fraude)).send({ texte: nul })],
      ['motif', request(t.app).post('/api/candidatures/1/annuler').set(bearer(tokens.controle_fraude)).send({ motif: nul, canal: 'telephone' })],
      ['cle JSON', request(t.app).post('/api/suspensions').set(bearer(tokens.controle_fraude)).send({ [nul]: 1 })],
      ['q', get(`/api/demandeurs?filter=${enc({ q: nul })}`)],
      ['filtre', get(`/api/demandeurs?filter=${enc({ email: nul })}`)],
      ['filtre liste', get(`/api/candidatures?filter=${enc({ statut: ['deposee', nul] })}`)],
      ['query %00', get('/api/offres/1/correspondances?debut=%00')],
      ['portail query', request(t.app).get('/api/portail/offres?communes=69123%00')],
      ['chemin', get('/api/demandeurs/1%00')],
    ];
    for (const [nom, req] of cas) probleme400(await req, nom);
    expect(await q(t.orm, `select id from demandeur where email = 'nul@exemple.fr'`)).toHaveLength(0);
  });

  it('a portal JSON body nested 33 levels deep is refused (400 CORPS_TROP_PROFOND)', async () => {
    const a = await demandeurActif(t.orm);
    const token = await connexion(t.app, a.email);
    let profond: unknown = 1;
    for (let i = 0; i < 40; i++) profond = { x: profond };
    const r = await request(t.app).put('/api/portail/demande').set(bearer(token)).send({ nombrePersonnes: profond });
    probleme400(r, 'profond');
    expect(r.body.code).toBe('CORPS_TROP_PROFOND');
  });
});
