import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';

const t = useTestApp();
let admin: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'admin', [], 'updates');
  admin = await login(t.app, a.email, a.password);
});

describe('PUT changes only the fields it sends', () => {
  it('R-INLI: updating a bailleur’s email keeps its In’li flag; an agent’s name keeps its territories', async () => {
    const [b] = await t.orm.em.fork().execute<{ id: number }[]>(`insert into bailleur (nom, siren, email, est_inli) values ('In’li test', '123450009', 'a@b.fr', true) returning id`);
    const r = await request(t.app).put(`/api/bailleurs/${b.id}`).set(bearer(admin)).send({ email: 'nouveau@inli.fr' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ email: 'nouveau@inli.fr', estInli: true });
    const agent = await createAgent(t.orm, 'conseiller', ['69', '33'], 'updates2');
    const u = await request(t.app).put(`/api/agents/${agent.id}`).set(bearer(admin)).send({ nom: 'Nouveau-Nom' });
    expect(u.status).toBe(200);
    expect(u.body.territoires).toEqual(['69', '33']);
  });
});
