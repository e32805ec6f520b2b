import { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { ormConfig } from '@server/db/mikro-orm.config';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const t = useTestApp();
const q = <T>(sql: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(sql, params);
let agents: { id: number; token: string }[] = [];
let autreTerritoire: string;
let manager: string;

beforeAll(async () => {
  agents = [];
  for (let i = 0; i < 10; i++) {
    const a = await createAgent(t.orm, 'conseiller', ['69'], `suivant${i}`);
    agents.push({ id: a.id, token: await login(t.app, a.email, a.password) });
  }
  const a75 = await createAgent(t.orm, 'conseiller', ['75'], 'suivant75');
  autreTerritoire = await login(t.app, a75.email, a75.password);
  const m = await createAgent(t.orm, 'manager', [], 'suivantm');
  manager = await login(t.app, m.email, m.password);
});

const suivant = (token: string, body: object = {}, app: Express = t.app) =>
  request(app).post('/api/candidatures/suivant').set(bearer(token)).send(body);
const jour = (j: number) => new Date(Date.UTC(2026, 8, j, 8));

describe('POST /api/candidatures/suivant (« Traiter le suivant »)', () => {
  it('R-RANK: takes the best-ranked free dossier of the oldest offer, skipping one a colleague holds, then the next one', async () => {
    const recente = await creerOffre(t.orm);
    const ancienne = await creerOffre(t.orm);
    await q(`update offre set debut_publication = now() - interval '90 days' where id = ?`, [ancienne]);
    const complet = await creerDossier(t.orm, { offreId: ancienne, dateCandidature: jour(10) });
    const incompletAncien = await creerDossier(t.orm, { offreId: ancienne, dateCandidature: jour(1), pieces: { identite: 'depose' } });
    const tenu = await creerDossier(t.orm, { offreId: ancienne, dateCandidature: jour(2) });
    const surRecente = await creerDossier(t.orm, { offreId: recente, dateCandidature: jour(1) });
    const [a, b] = agents;
    expect((await request(t.app).post(`/api/candidatures/${tenu.candidatureId}/prendre`).set(bearer(b.token)).send({})).status).toBe(200);
    const filter = { offreId: [recente, ancienne] };

    const premier = await suivant(a.token, { filter });
    expect(premier.status).toBe(200);
    // Palier 1 (complete) before palier 3 (incomplete) whatever the date; the one b holds is skipped.
    expect(premier.body.candidature).toMatchObject({ id: complet.candidatureId, agentEnChargeId: a.id, rang: 2 }); // rang 1 is b's
    const second = await suivant(a.token, { filter });
    expect(second.body.candidature.id).toBe(incompletAncien.candidatureId);
    const troisieme = await suivant(a.token, { filter });
    expect(troisieme.body.candidature.id).toBe(surRecente.candidatureId);
    const vide = await suivant(a.token, { filter });
    expect(vide.status).toBe(200);
    expect(vide.body.candidature).toBeNull();

    const [ev] = await q<{ details: { via: string } }>(`select details from audit_event where entite = 'candidature' and entite_id = ? and action = 'prise_dossier' and acteur_id = ?`, [complet.candidatureId, a.id]);
    expect(ev.details.via).toBe('suivant');
    // « Mes dossiers » now lists them.
    const mes = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ onglet: 'mes_dossiers', offreId: filter.offreId }) }).set(bearer(a.token));
    expect(mes.body.map((c: { id: number }) => c.id).sort()).toEqual([complet.candidatureId, incompletAncien.candidatureId, surRecente.candidatureId].sort());
  });

  it('takes a dossier whose holder went idle for 30 minutes; « attente » order is the longest waiting first', async () => {
    const offreId = await creerOffre(t.orm);
    const recent = await creerDossier(t.orm, { offreId, dateCandidature: jour(20) });
    const ancien = await creerDossier(t.orm, { offreId, dateCandidature: jour(3), pieces: { identite: 'depose' } });
    const [, , c, d] = agents;
    expect((await request(t.app).post(`/api/candidatures/${ancien.candidatureId}/prendre`).set(bearer(c.token)).send({})).status).toBe(200);
    expect((await suivant(d.token, { filter: { offreId }, ordre: 'attente' })).body.candidature.id).toBe(recent.candidatureId);
    await q(`update candidature set verrou_activite_le = verrou_activite_le - interval '31 minutes' where id = ?`, [ancien.candidatureId]);
    const repris = await suivant(d.token, { filter: { offreId }, ordre: 'attente' });
    expect(repris.body.candidature).toMatchObject({ id: ancien.candidatureId, agentEnChargeId: d.id });
  });

  it('UI-FILE: with the queue\'s sort as `ordre`, takes the first free dossier still to instruct in the order the list shows', async () => {
    // The offer created first was published last: « Rang » (offer by offer as the list sorts them) and « offre » differ.
    const premiere = await creerOffre(t.orm);
    const seconde = await creerOffre(t.orm);
    await q(`update offre set debut_publication = now() - interval '90 days' where id = ?`, [seconde]);
    const dossiers = [
      await creerDossier(t.orm, { offreId: premiere, dateCandidature: jour(12), pieces: { identite: 'depose' } }),
      await creerDossier(t.orm, { offreId: premiere, dateCandidature: jour(14) }),
      await creerDossier(t.orm, { offreId: seconde, dateCandidature: jour(11) }),
      await creerDossier(t.orm, { offreId: seconde, dateCandidature: jour(16), pieces: { identite: 'depose' } }),
      await creerDossier(t.orm, { offreId: seconde, dateCandidature: jour(13) }),
    ];
    const noms = ['Moreau', 'Bernard', 'Zola', 'Dubois', 'Abadie'];
    for (const [i, d] of dossiers.entries()) await q(`update demandeur set nom = ? where id = ?`, [noms[i], d.demandeurId]);
    const filter = { offreId: [premiere, seconde], onglet: 'a_traiter' };
    const [a] = agents.slice(5);
    const attendu = async (sort: [string, string]) => {
      const liste = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify(filter), sort: JSON.stringify(sort), range: '[0,0]' }).set(bearer(a.token));
      return liste.body[0].id as number;
    };
    const pris: number[] = [];
    for (const sort of [['rang', 'ASC'], ['dateCandidature', 'DESC'], ['demandeurNom', 'ASC'], ['rang', 'DESC'], ['reference', 'ASC']] as [string, string][]) {
      const premierDeLaListe = await attendu(sort);
      const r = await suivant(a.token, { filter, ordre: sort });
      expect(r.status, sort.join(' ')).toBe(200);
      expect(r.body.candidature.id, sort.join(' ')).toBe(premierDeLaListe);
      pris.push(r.body.candidature.id);
    }
    const id = (i: number) => dossiers[i].candidatureId;
    // rang ↑: the first offer, palier 1 before palier 3 (« offre » would take the second offer's); date ↓: the latest;
    // nom ↑: Abadie; rang ↓: the last offer first; then the one left.
    expect(pris).toEqual([id(1), id(3), id(4), id(2), id(0)]);
    const [ev] = await q<{ details: { ordre: unknown } }>(`select details from audit_event where entite = 'candidature' and entite_id = ? and action = 'prise_dossier'`, [id(3)]);
    expect(ev.details.ordre).toEqual(['dateCandidature', 'DESC']);
    // A field the list cannot sort on is refused like the list's sort.
    const mauvais = await suivant(a.token, { filter, ordre: ['motifRang', 'ASC'] });
    expect(mauvais.status).toBe(400);
    expect(mauvais.body.code).toBe('TRI_INVALIDE');
  });

  it('stays in the caller’s territory and needs the right to take dossiers; bad input is a 400', async () => {
    const offreId = await creerOffre(t.orm, { departement: '69' });
    await creerDossier(t.orm, { offreId });
    expect((await suivant(autreTerritoire, { filter: { offreId } })).body.candidature).toBeNull();
    expect((await suivant(manager)).status).toBe(403);
    const mauvais = await suivant(agents[4].token, { ordre: 'hasard' });
    expect(mauvais.status).toBe(400);
    expect(mauvais.headers['content-type']).toMatch(/problem\+json/);
    expect((await suivant(agents[4].token, { filter: { inconnu: 1 } })).body.code).toBe('FILTRE_INCONNU');
  });

  it('race: ten agents on two app instances pressing at once get ten different dossiers, each taken once (many rounds)', async () => {
    const orm2 = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 6 } }));
    try {
      const app2 = createApp({ orm: orm2, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), demo: false } });
      for (let round = 0; round < 5; round++) {
        const offreId = await creerOffre(t.orm);
        for (let i = 0; i < 12; i++) await creerDossier(t.orm, { offreId, dateCandidature: jour(1 + i) });
        const r = await Promise.all(agents.map((a, i) => suivant(a.token, { filter: { offreId } }, i % 2 ? app2 : t.app)));
        expect(r.map((x) => x.status)).toEqual(agents.map(() => 200));
        const ids = r.map((x) => x.body.candidature?.id);
        expect(ids.every((id) => typeof id === 'number')).toBe(true);
        expect(new Set(ids).size).toBe(agents.length);
        const tenus = await q<{ id: number; agent_en_charge_id: number }>(`select id, agent_en_charge_id from candidature where offre_id = ? and agent_en_charge_id is not null`, [offreId]);
        expect(tenus).toHaveLength(agents.length);
        for (const x of r) expect(tenus.find((c) => c.id === x.body.candidature.id)!.agent_en_charge_id).toBe(x.body.candidature.agentEnChargeId);
        const [{ n }] = await q<{ n: number }>(
          `select count(*)::int as n from audit_event e join candidature c on c.id = e.entite_id where e.entite = 'candidature' and e.action = 'prise_dossier' and c.offre_id = ?`,
          [offreId],
        );
        expect(n).toBe(agents.length);
      }
    } finally {
      await orm2.close(true);
    }
  });
});
