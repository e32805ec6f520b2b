/**
 * API-CONTRAT: the response shapes of /api/openapi.json are those the routes answer. Real answers
 * of routes whose shape was prose before (statistics, jobs, audit check, timeline,
 * bailleur follow-up and page, the agent's rules) are validated against the schema the document
 * gives for them (JSON Schema 2020-12 read back by zod's fromJSONSchema), strict objects included:
 * a field the route adds or drops without its description fails here.
 */
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';
import { bailleurEtOffre, envoyer, jetonDe, pageBailleur, transmise } from '@test/api/bailleurs/fixtures';

const t = useTestApp();
const tokens: Record<string, string> = {};
let doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };

beforeAll(async () => {
  for (const [nom, role, terr] of [['manager', 'manager', []], ['admin', 'admin', []], ['c69', 'conseiller', ['69']], ['fraude', 'controle_fraude', []]] as const) {
    const a = await createAgent(t.orm, role, [...terr], `reponses-${nom}`);
    tokens[nom] = await login(t.app, a.email, a.password);
  }
  doc = (await request(t.app).get('/api/openapi.json')).body;
});

/** The document's schema of a JSON answer, as a zod schema. */
function schemaDe(methode: string, chemin: string, status = '200') {
  const json = doc.paths[chemin]?.[methode]?.responses[status]?.content?.['application/json']?.schema;
  expect(json, `${methode} ${chemin} ${status}`).toBeDefined();
  // A shape, not a sentence: the object (or the array's items) names its properties.
  const objet = (json as { items?: { properties?: object }; properties?: object }).items ?? json;
  expect(Object.keys((objet as { properties?: object }).properties ?? {}), `${methode} ${chemin} : forme décrite par une phrase seulement`).not.toEqual([]);
  return z.fromJSONSchema(json as Parameters<typeof z.fromJSONSchema>[0]);
}

function conforme(methode: string, chemin: string, r: request.Response, status = 200) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  const v = schemaDe(methode, chemin, String(status)).safeParse(r.body);
  expect(v.success ? [] : v.error.issues, `${methode} ${chemin}`).toEqual([]);
}

describe('OpenAPI response shapes', () => {
  it('API-CONTRAT: statistics, jobs, audit check, the agent\'s rules and a suspension\'s preview answer what the document says', async () => {
    conforme('get', '/api/statistiques', await request(t.app).get('/api/statistiques').set(bearer(tokens.manager)));
    const jobs = await request(t.app).get('/api/jobs').set(bearer(tokens.admin));
    expect(jobs.body.length).toBeGreaterThan(0);
    conforme('get', '/api/jobs', jobs);
    conforme('post', '/api/audit-events/verifier', await request(t.app).post('/api/audit-events/verifier').set(bearer(tokens.admin)).send({}));
    conforme('get', '/api/auth/me', await request(t.app).get('/api/auth/me').set(bearer(tokens.c69)));
    const [{ id: demandeurId }] = await t.orm.em.fork().execute<{ id: number }[]>(
      `select dr.id from demandeur dr join candidature c on c.demandeur_id = dr.id where c.statut = 'en_instruction' order by dr.id limit 1`,
    );
    const apercu = await request(t.app).get('/api/suspensions/apercu').query({ demandeurId, dureeMois: 6 }).set(bearer(tokens.fraude));
    expect(apercu.body.candidatures.length).toBeGreaterThan(0);
    conforme('get', '/api/suspensions/apercu', apercu);
  });

  it('API-CONTRAT: a candidature\'s timeline and its traced read, its follow-up of envois, the offer\'s, and the bailleur\'s page list and decision answer what the document says', async () => {
    const b = await bailleurEtOffre(t.orm);
    const c = await transmise(t.orm, b.offreId, new Date(t.clock.now().getTime() - 86_400_000));
    const envoi = await envoyer(t.app, tokens.c69, `candidatures/${c.candidatureId}`);
    expect(envoi.status).toBe(201);
    const page = pageBailleur(t.app);
    expect((await page.ouvrir((await jetonDe(t.orm, envoi.body.envoiId)).jeton)).status).toBe(201);
    const liste = await page.get('/candidatures');
    expect(liste.body.enAttente.length).toBe(1);
    conforme('get', '/api/bailleur/candidatures', liste);
    const jour = new Date(t.clock.now().getTime()).toISOString().slice(0, 10);
    conforme('post', '/api/bailleur/candidatures/{id}/decision', await page.post(`/candidatures/${c.candidatureId}/decision`, { decision: 'attribuee', dateCaleol: jour }));
    conforme('get', '/api/candidatures/{id}/envois-bailleur', await request(t.app).get(`/api/candidatures/${c.candidatureId}/envois-bailleur`).set(bearer(tokens.c69)));
    conforme('get', '/api/offres/{id}/envois-bailleur', await request(t.app).get(`/api/offres/${b.offreId}/envois-bailleur`).set(bearer(tokens.c69)));
    const timeline = await request(t.app).get(`/api/candidatures/${c.candidatureId}/timeline`).set(bearer(tokens.c69));
    expect(timeline.body.length).toBeGreaterThan(0);
    conforme('get', '/api/candidatures/{id}/timeline', timeline);
    const traces = await request(t.app).get('/api/traces-acces').set(bearer(tokens.manager)); // the timeline's read is traced
    expect(traces.body.length).toBeGreaterThan(0);
    conforme('get', '/api/traces-acces', traces);
  });

  it('API-CONTRAT: the check sees a field the description does not name', () => {
    const strict = z.fromJSONSchema({ type: 'object', properties: { a: { type: 'integer' } }, required: ['a'], additionalProperties: false });
    expect(strict.safeParse({ a: 1 }).success).toBe(true);
    expect(strict.safeParse({ a: 1, b: 2 }).success).toBe(false);
  });
});
