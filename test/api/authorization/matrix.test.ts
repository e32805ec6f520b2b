import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES, type ResourceName, type Role } from '@shared/domain/enums';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { BODIES, UPDATES } from './bodies';

/**
 * The roles table of domain.md, written out independently of shared/abilities.ts:
 * L = list and read, C = create, U = update, c = create through an action route (an empty body
 * is a 400, not a 403). Anything not listed answers 403.
 */
const MATRIX: Record<ResourceName, Record<Role, string>> = {
  demandeurs: { conseiller: 'L', controle_fraude: 'L', manager: 'L', admin: '' },
  demandes: { conseiller: 'L', controle_fraude: 'L', manager: 'L', admin: '' },
  candidatures: { conseiller: 'L', controle_fraude: 'L', manager: 'L', admin: '' },
  justificatifs: { conseiller: 'L', controle_fraude: 'L', manager: 'L', admin: '' },
  offres: { conseiller: 'L', controle_fraude: 'L', manager: 'LCU', admin: 'L' },
  programmes: { conseiller: 'L', controle_fraude: 'L', manager: 'L', admin: 'LCU' },
  bailleurs: { conseiller: 'L', controle_fraude: 'L', manager: 'L', admin: 'LCU' },
  entreprises: { conseiller: 'L', controle_fraude: 'L', manager: 'L', admin: 'LCU' },
  suspensions: { conseiller: 'L', controle_fraude: 'Lc', manager: 'L', admin: '' },
  propositions: { conseiller: 'Lc', controle_fraude: 'Lc', manager: 'L', admin: '' },
  signalements: { conseiller: '', controle_fraude: 'L', manager: '', admin: '' },
  exports: { conseiller: '', controle_fraude: '', manager: 'Lc', admin: '' },
  notifications: { conseiller: '', controle_fraude: 'L', manager: '', admin: 'L' },
  'audit-events': { conseiller: '', controle_fraude: 'L', manager: '', admin: 'L' },
  agents: { conseiller: '', controle_fraude: '', manager: '', admin: 'LCU' },
};
const ROLES: Role[] = ['conseiller', 'controle_fraude', 'manager', 'admin'];
const TABLE: Record<ResourceName, string> = {
  demandeurs: 'demandeur', demandes: 'demande', candidatures: 'candidature', justificatifs: 'justificatif', offres: 'offre',
  programmes: 'programme', bailleurs: 'bailleur', entreprises: 'entreprise', suspensions: 'suspension', propositions: 'proposition',
  signalements: 'signalement', exports: 'export', notifications: 'notification', 'audit-events': 'audit_event', agents: 'agent',
};

const t = useTestApp();
const tokens = {} as Record<Role, string>;
const anyId = {} as Record<ResourceName, number>;

beforeAll(async () => {
  for (const role of ROLES) {
    const a = await createAgent(t.orm, role, role === 'conseiller' ? ['69'] : [], 'matrix');
    tokens[role] = await login(t.app, a.email, a.password);
  }
  const conn = t.orm.em.fork().getConnection();
  for (const r of RESOURCES) {
    // For territory-scoped resources, pick a row a conseiller of 69 may see, when one exists.
    const rows = await conn.execute<{ id: number }[]>(`select id from ${TABLE[r]} order by id limit 1`);
    anyId[r] = rows[0]?.id ?? 0;
  }
  const inScope = async (sql: string) => (await conn.execute<{ id: number }[]>(sql))[0]?.id;
  anyId.candidatures = await inScope(`select id from candidature where departement = '69' order by id limit 1`);
  anyId.offres = await inScope(`select id from offre where departement = '69' order by id limit 1`);
  anyId.programmes = await inScope(`select id from programme order by id limit 1`);
  anyId.demandes = await inScope(`select demande_id as id from candidature where departement = '69' order by id limit 1`);
  anyId.demandeurs = await inScope(`select demandeur_id as id from candidature where departement = '69' order by id limit 1`);
  anyId.justificatifs = await inScope(`select j.id from justificatif j join candidature c on c.demande_id = j.demande_id where c.departement = '69' order by j.id limit 1`);
  anyId.suspensions = await inScope(`select s.id from suspension s join candidature c on c.demandeur_id = s.demandeur_id where c.departement = '69' order by s.id limit 1`) ?? anyId.suspensions;
  anyId.propositions = await inScope(`select id from proposition where departement = '69' order by id limit 1`) ?? anyId.propositions;
  // A signal and an export row so that reads by id mean something.
  if (!anyId.signalements) {
    anyId.signalements = (await conn.execute<{ id: number }[]>(`insert into signalement (type, cle, score, preuves) values ('telephone_partage', 'matrix', 50, '{}') returning id`))[0].id;
  }
  if (!anyId.exports) {
    const m = (await conn.execute<{ id: number }[]>(`select id from agent where role = 'manager' order by id limit 1`))[0].id;
    anyId.exports = (await conn.execute<{ id: number }[]>(`insert into export (kind, params, destinataire, agent_id) values ('rapport_entreprise', '{}', 'test', ?) returning id`, [m]))[0].id;
  }
});

describe.each(RESOURCES)('%s', (resource) => {
  it.each(ROLES)('role %s: list, read, create, update and delete as the roles table says', async (role) => {
    const can = MATRIX[resource][role];
    const auth = bearer(tokens[role]);
    const list = await request(t.app).get(`/api/${resource}`).set(auth);
    expect(list.status, `list ${resource} as ${role}`).toBe(can.includes('L') ? 200 : 403);
    if (can.includes('L')) expect(list.headers['content-range']).toMatch(new RegExp(`^${resource} (\\d+-\\d+|\\*)/\\d+$`));
    else expect(list.headers['content-type']).toMatch(/problem\+json/);

    const one = await request(t.app).get(`/api/${resource}/${anyId[resource]}`).set(auth);
    const readable = can.includes('L') && !(resource === 'exports' && role === 'manager' && false);
    expect(one.status, `read ${resource}/${anyId[resource]} as ${role}`).toBe(readable ? 200 : 403);

    const created = await request(t.app).post(`/api/${resource}`).set(auth).send(BODIES[resource] ?? {});
    if (can.includes('C')) expect(created.status, JSON.stringify(created.body)).toBe(201);
    else if (can.includes('c')) expect(created.status, `create ${resource} as ${role}`).toBe(400); // allowed, but {} is not a valid body
    else expect(created.status, `create ${resource} as ${role}`).toBe(403);

    const updated = await request(t.app).put(`/api/${resource}/${anyId[resource]}`).set(auth).send(UPDATES[resource] ?? {});
    if (can.includes('U')) expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    else expect(updated.status, `update ${resource} as ${role}`).toBe(403);

    expect((await request(t.app).delete(`/api/${resource}/${anyId[resource]}`).set(auth)).status).toBe(403);
  });
});

describe('territory scope of a conseiller (69)', () => {
  const scoped: Array<[ResourceName, string]> = [
    ['candidatures', `select id from candidature where departement <> '69' order by id limit 1`],
    ['offres', `select id from offre where departement <> '69' order by id limit 1`],
    ['demandes', `select d.id from demande d where not exists (select 1 from candidature c where c.demande_id = d.id and c.departement = '69') order by id limit 1`],
    ['demandeurs', `select d.id from demandeur d where not exists (select 1 from candidature c where c.demandeur_id = d.id and c.departement = '69') order by id limit 1`],
    ['justificatifs', `select j.id from justificatif j where not exists (select 1 from candidature c where c.demande_id = j.demande_id and c.departement = '69') order by id limit 1`],
  ];
  it.each(scoped)('%s outside the territory answers 404, not 403', async (resource, sql) => {
    const [{ id }] = await t.orm.em.fork().getConnection().execute<{ id: number }[]>(sql);
    const r = await request(t.app).get(`/api/${resource}/${id}`).set(bearer(tokens.conseiller));
    expect(r.status).toBe(404);
    expect(r.body.code).toBe('INTROUVABLE');
    expect((await request(t.app).get(`/api/${resource}/${id}`).set(bearer(tokens.manager))).status).toBe(200);
  });

  it('a client filter naming another territory returns nothing (the scope is ANDed, never replaced)', async () => {
    const r = await request(t.app)
      .get('/api/candidatures')
      .query({ filter: JSON.stringify({ departement: '75' }) })
      .set(bearer(tokens.conseiller));
    expect(r.status).toBe(200);
    expect(r.body).toEqual([]);
    expect(r.headers['content-range']).toBe('candidatures */0');
    const mine = await request(t.app).get('/api/candidatures').query({ range: '[0,99]' }).set(bearer(tokens.conseiller));
    expect(mine.body.length).toBeGreaterThan(0);
    expect(new Set(mine.body.map((c: { departement: string }) => c.departement))).toEqual(new Set(['69']));
  });

  it('getMany by ids only returns the ids in scope', async () => {
    const conn = t.orm.em.fork().getConnection();
    const ids = (await conn.execute<{ id: number }[]>(`(select id from candidature where departement = '69' limit 2) union all (select id from candidature where departement <> '69' limit 2)`)).map((r) => r.id);
    const r = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ id: ids }) }).set(bearer(tokens.conseiller));
    expect(r.body.map((c: { id: number }) => c.id).sort()).toEqual(ids.slice(0, 2).sort());
  });
});
