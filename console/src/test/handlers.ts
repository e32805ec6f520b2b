import { http, HttpResponse } from 'msw';
import { rulesFor } from '@shared/abilities';
import type { ResourceName, Role } from '@shared/domain/enums';
import type { AgentProfile } from '@console/auth/session';

export const agentDe = (role: Role, territoires: string[] = ['69']): AgentProfile => ({
  id: 7,
  email: `${role}@als.test`,
  nom: 'Martin',
  prenom: 'Claire',
  role,
  territoires,
});

/** GET /api/auth/me answering this agent with the real rules of shared/abilities.ts. */
export const sessionHandler = (agent: AgentProfile) =>
  http.get('/api/auth/me', () => HttpResponse.json({ agent, rules: rulesFor(agent) }));

/** Not signed in: /me answers 401 (problem+json). */
export const anonymousHandler = () =>
  http.get('/api/auth/me', () =>
    HttpResponse.json({ type: 'about:blank', title: 'Non authentifié', status: 401, detail: 'Connectez-vous.', code: 'NON_AUTHENTIFIE' }, {
      status: 401,
      headers: { 'Content-Type': 'application/problem+json' },
    }),
  );

export interface ListCall {
  sort: unknown;
  range: unknown;
  filter: Record<string, unknown>;
}

/**
 * GET /api/<resource> as ra-data-simple-rest expects it (JSON array + Content-Range), recording
 * the query of every call in `calls` so that tests can assert sort and filter.
 */
export const listHandler = <T extends { id: number }>(resource: ResourceName, rows: T[] | ((call: ListCall) => T[]), calls: ListCall[] = []) =>
  http.get(`/api/${resource}`, ({ request }) => {
    const params = new URL(request.url).searchParams;
    const call: ListCall = {
      sort: JSON.parse(params.get('sort') ?? 'null'),
      range: JSON.parse(params.get('range') ?? 'null'),
      filter: JSON.parse(params.get('filter') ?? '{}'),
    };
    calls.push(call);
    const data = typeof rows === 'function' ? rows(call) : rows;
    const end = Math.max(data.length - 1, 0);
    return HttpResponse.json(data, { headers: { 'Content-Range': `${resource} 0-${end}/${data.length}` } });
  });

/** Every resource answers its fixture: lists (any filter) and GET by id. */
export const fixtureHandlers = (fixtures: Record<string, { id: number }>) => [
  // Names of agents, for every role (GET /api/agents/noms?ids=…): the agents fixture's.
  http.get('/api/agents/noms', ({ request }) => {
    const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',');
    const a = fixtures.agents as { id: number; prenom?: string; nom?: string } | undefined;
    return HttpResponse.json(a && ids.includes(String(a.id)) ? [{ id: a.id, nom: `${a.prenom} ${a.nom}` }] : []);
  }),
  http.get('/api/:resource/:id', ({ params }) => {
    const record = fixtures[String(params.resource)];
    return record && String(record.id) === params.id ? HttpResponse.json(record) : HttpResponse.json({ status: 404, detail: 'Introuvable.' }, { status: 404 });
  }),
  http.get('/api/:resource', ({ params }) => {
    const record = fixtures[String(params.resource)];
    const rows = record ? [record] : [];
    return HttpResponse.json(rows, { headers: { 'Content-Range': `${String(params.resource)} 0-0/${rows.length}` } });
  }),
];
