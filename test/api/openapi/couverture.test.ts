/**
 * The OpenAPI contract matches the server: every route Express knows has its description, every
 * description has its route, and the document served at /api/openapi.json is valid OpenAPI 3.1.
 * To describe a new route: `decrireRoute({...})` in its router file (server/src/openapi/registry.ts).
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { clesDecrites } from '@server/openapi/document';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';
import { routesExpress } from '@test/support/expressRoutes';
import { fichiers, RACINE, sansCommentaires } from '@test/architecture/graphe';

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

/**
 * Every problem code server/src throws with a literal code, as `status CODE` (the constructors of
 * http/problem.ts: badRequest → 400, conflict → 409, forbidden → 403 INTERDIT, notFound → 404
 * INTROUVABLE, the 503s of problemeBase, `new HttpProblem(status, 'CODE', …)`). Codes computed by a
 * shared rule (`conflict(r.code, …)`) are not literals here: their routes list them by hand.
 */
export function codesLances(source: string): string[] {
  const s = sansCommentaires(source);
  const out: string[] = [];
  const STATUTS: Record<string, number> = { badRequest: 400, conflict: 409, indisponible: 503 };
  for (const m of s.matchAll(/\b(badRequest|conflict|indisponible)\(\s*'([A-Z][A-Z0-9_]+)'/g)) out.push(`${STATUTS[m[1]]} ${m[2]}`);
  for (const m of s.matchAll(/\bzodToProblem\([^,()]+,\s*'([A-Z][A-Z0-9_]+)'/g)) out.push(`400 ${m[1]}`);
  for (const m of s.matchAll(/\bnew HttpProblem\(\s*(\d{3}),\s*'([A-Z][A-Z0-9_]+)'/g)) out.push(`${m[1]} ${m[2]}`);
  if (/\bforbidden\(/.test(s)) out.push('403 INTERDIT');
  if (/\bnotFound\(/.test(s)) out.push('404 INTROUVABLE');
  return out;
}

/** `status CODE` of every problem answer the document describes, on any route. */
function codesDocumentes(doc: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { allOf?: { properties?: { code?: { enum?: string[] } } }[] } }> }> }>> }): Set<string> {
  const out = new Set<string>();
  for (const ops of Object.values(doc.paths))
    for (const op of Object.values(ops))
      for (const [status, rep] of Object.entries(op.responses ?? {}))
        for (const c of rep.content?.['application/problem+json']?.schema.allOf?.[1]?.properties?.code?.enum ?? []) out.add(`${status} ${c}`);
  return out;
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

  it('API-CONTRAT: every problem code thrown in server/src (with its status) is in the document', async () => {
    const doc = (await request(t.app).get('/api/openapi.json')).body;
    const documentes = codesDocumentes(doc);
    const lances = new Map<string, string[]>();
    for (const f of fichiers(join(RACINE, 'server/src')))
      for (const c of codesLances(readFileSync(f, 'utf8'))) lances.set(c, [...(lances.get(c) ?? []), relative(RACINE, f)]);
    expect(lances.size).toBeGreaterThan(60);
    // A code reported inside a 200 answer (a bulk action's `refusees[].code`), never as a problem: named by that route's schema.
    const DANS_UN_RAPPORT: Record<string, [string, string]> = { '409 AGENT_HORS_TERRITOIRE': ['/api/candidatures/actions-groupees', 'post'] };
    for (const [c, [chemin, methode]] of Object.entries(DANS_UN_RAPPORT)) {
      expect(JSON.stringify(doc.paths[chemin][methode].responses['200']), c).toContain(c.split(' ')[1]);
      documentes.add(c);
    }
    const absents = [...lances].filter(([c]) => !documentes.has(c)).map(([c, f]) => `${c} (${[...new Set(f)].join(', ')})`);
    for (const [chemin, ops] of Object.entries<Record<string, { responses: Record<string, unknown> }>>(doc.paths))
      for (const [methode, op] of Object.entries(ops)) {
        const codes = JSON.stringify(op.responses);
        for (const c of ['CARACTERE_INTERDIT', 'ERREUR_INTERNE']) expect(codes, `${methode} ${chemin}`).toContain(c);
        if (chemin !== '/api/health') expect(codes, `${methode} ${chemin}`).toContain('BASE_INDISPONIBLE');
        if (methode !== 'get') expect(codes, `${methode} ${chemin}`).toContain('CONFLIT_CONCURRENT');
      }
    expect(absents, 'codes lancés mais absents de /api/openapi.json : ajoutez-les aux problemes de leurs routes (ou à problemesDe)').toEqual([]);
  });

  it('API-CONTRAT: the scan reads every constructor of http/problem.ts, across lines, and skips comments', () => {
    const source = `throw badRequest('A_UN', 'x');\n throw conflict(\n  'B_DEUX', 'y');\n new HttpProblem(\n 429,\n 'C_TROIS', 'z');\n indisponible('D_QUATRE', 'w');\n zodToProblem(r.error, 'E_CINQ');\n forbidden(); notFound();\n // conflict('PAS_MOI', '')\n conflict(r.code, r.raison);`;
    expect(codesLances(source).sort()).toEqual(['400 A_UN', '400 E_CINQ', '403 INTERDIT', '404 INTROUVABLE', '409 B_DEUX', '429 C_TROIS', '503 D_QUATRE']);
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
