/**
 * The OpenAPI contract matches the server: every route Express knows has its description, every
 * description has its route, and the document served at /api/openapi.json is valid OpenAPI 3.1.
 * To describe a new route: `decrireRoute({...})` in its router file (server/src/openapi/registry.ts).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { clesDecrites } from '@server/openapi/document';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';
import { routesExpress } from '@test/support/expressRoutes';

const t = useTestApp();

/** `/api/offres/{id}/{action}` covers `/api/offres/{id}/publier`: a literal may stand for a parameter. */
const couvre = (motif: string, chemin: string) => {
  const a = motif.split('/');
  const b = chemin.split('/');
  return a.length === b.length && a.every((s, i) => s === b[i] || /^\{\w+\}$/.test(s));
};
const specificite = (motif: string) => motif.split('/').filter((s) => /^\{\w+\}$/.test(s)).length;

function comparer() {
  const express = routesExpress(t.app).map((r) => ({ method: r.method.toUpperCase(), path: r.path }));
  const decrites = clesDecrites().map((c) => {
    const [method, path] = c.split(' ');
    return { method, path };
  });
  const couvertes = new Set<string>();
  const sansRoute: string[] = [];
  for (const d of decrites) {
    const candidates = express.filter((e) => e.method === d.method && couvre(e.path, d.path));
    if (candidates.length === 0) {
      sansRoute.push(`${d.method} ${d.path}`);
      continue;
    }
    const la = candidates.sort((x, y) => specificite(x.path) - specificite(y.path))[0];
    couvertes.add(`${la.method} ${la.path}`);
  }
  const sansDescription = express.map((e) => `${e.method} ${e.path}`).filter((k) => !couvertes.has(k));
  return { express, sansDescription, sansRoute };
}

describe('OpenAPI contract', () => {
  let agent = '';
  beforeAll(async () => {
    const a = await createAgent(t.orm, 'conseiller', ['69']);
    agent = await login(t.app, a.email, a.password);
  });

  it('every route of Express (routers and simple-rest resources, every verb) has a description, and every description a route', () => {
    const { express, sansDescription, sansRoute } = comparer();
    expect(express.length).toBeGreaterThan(100);
    expect(sansDescription, 'routes sans description : ajoutez decrireRoute({...}) dans leur routeur').toEqual([]);
    expect(sansRoute, 'descriptions sans route').toEqual([]);
  });

  it('serves /api/openapi.json without a session, valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)', async () => {
    const r = await request(t.app).get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const v = new Validator();
    const res = await v.validate(r.body);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(Object.keys(r.body.components.securitySchemes).sort()).toEqual(['agentBearer', 'agentCookie', 'bailleurCookie', 'bailleurLien', 'demandeurBearer', 'demandeurCookie']);
  });

  it('describes shapes from the validating zod schemas, problem codes by status, and the simple-rest rows with their SQL types', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body;
    const candidater = doc.paths['/api/portail/offres/{id}/candidater'].post;
    expect(candidater.security).toEqual([{ demandeurCookie: [] }, { demandeurBearer: [] }]);
    const codes409 = candidater.responses['409'].content['application/problem+json'].schema.allOf[1].properties.code.enum;
    expect(candidater.responses['409'].content['application/problem+json'].schema.allOf[0]).toEqual({ $ref: '#/components/schemas/Probleme' });
    expect(codes409).toEqual(expect.arrayContaining(['LIMITE_CLASSIQUE', 'LIMITE_PROGRAMME', 'LIMITE_IDENTIFIE', 'SUSPENDU', 'NON_ELIGIBLE', 'DEMANDE_INCOMPLETE', 'OFFRE_NON_PUBLIEE', 'DEJA_CANDIDAT']));
    const compte = doc.paths['/api/portail/comptes'].post.requestBody.content['application/json'].schema;
    expect(compte.required).toEqual(expect.arrayContaining(['civilite', 'nom', 'prenom', 'email', 'motDePasse']));
    expect(compte.additionalProperties).toBe(false);
    const candidature = doc.components.schemas.candidatures.properties;
    expect(candidature.id).toEqual({ type: 'integer' });
    expect(candidature.statut.enum).toContain('en_instruction');
    expect(candidature.dateCandidature).toEqual({ type: ['string', 'null'], format: 'date-time' });
    const liste = doc.paths['/api/candidatures'].get;
    expect(liste.parameters.map((p: { name: string }) => p.name)).toEqual(['sort', 'range', 'filter']);
    expect(liste.responses['200'].headers['Content-Range']).toBeDefined();
    expect(doc.paths['/api/candidatures/{id}/designer'].post.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/candidatures' });
  });

  it('/api/docs: the interactive reference for agents only, its scripts from this origin (no inline script)', async () => {
    const anonyme = await request(t.app).get('/api/docs/').set('Accept', 'text/html');
    expect(anonyme.status).toBe(401);
    expect(anonyme.text).toContain('connectez-vous à la console');
    expect((await request(t.app).get('/api/docs/swagger-ui-bundle.js')).status).toBe(401);
    const page = await request(t.app).get('/api/docs/').set(bearer(agent));
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    expect([...page.text.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1])).toEqual(['./swagger-ui-bundle.js', './docs.js']);
    for (const f of ['swagger-ui-bundle.js', 'docs.js', 'swagger-ui.css']) expect((await request(t.app).get(`/api/docs/${f}`).set(bearer(agent))).status, f).toBe(200);
    expect((await request(t.app).get('/api/docs/package.json').set(bearer(agent))).status).toBe(404);
    expect((await request(t.app).get('/api/docs/..%2F..%2Fpackage.json').set(bearer(agent))).status).toBe(404);
  });
});
