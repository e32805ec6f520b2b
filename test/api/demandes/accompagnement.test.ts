import { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '@server/app';
import { loadConfig } from '@server/config';
import { ormConfig } from '@server/db/mikro-orm.config';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const t = useTestApp();
const tok = {} as Record<'conseiller' | 'conseiller33' | 'fraude' | 'manager' | 'admin', string>;

beforeAll(async () => {
  const agents = {
    conseiller: await createAgent(t.orm, 'conseiller', ['69'], 'acc'),
    conseiller33: await createAgent(t.orm, 'conseiller', ['33'], 'acc33'),
    fraude: await createAgent(t.orm, 'controle_fraude', [], 'acc'),
    manager: await createAgent(t.orm, 'manager', [], 'acc'),
    admin: await createAgent(t.orm, 'admin', [], 'acc'),
  };
  for (const [k, a] of Object.entries(agents)) tok[k as keyof typeof tok] = await login(t.app, a.email, a.password);
});

const q = <T>(sql: string, params: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(sql, params);
const url = (demandeId: number) => `/api/demandes/${demandeId}/accompagnement`;
const poser = (demandeId: number, token: string, body: object, app: Express = t.app) => request(app).post(url(demandeId)).set(bearer(token)).send(body);
const classement = async (offreId: number) =>
  (await request(t.app).get(`/api/offres/${offreId}/classement`).set(bearer(tok.conseiller))).body as { candidatureId: number; palier: number; rang: number }[];

/** A courte durée offer in 69 with two public-cible dossiers: `premier` applied first, `second` an hour later. */
async function fileCourteDuree() {
  const offreId = await creerOffre(t.orm, { nature: 'courte_duree', forme: 'type' });
  const premier = await creerDossier(t.orm, { offreId, dateCandidature: new Date(Date.UTC(2026, 9, 1, 8)) });
  const second = await creerDossier(t.orm, { offreId, dateCandidature: new Date(Date.UTC(2026, 9, 1, 9)) });
  return { offreId, premier, second };
}

describe('POST /api/demandes/:id/accompagnement', () => {
  it('R-RANK-CD: a conseiller of the territory marks the demande accompanied (§13.6 tier 1) with a motif: its candidature ranks first at once; clearing it puts it back', async () => {
    const { offreId, premier, second } = await fileCourteDuree();
    expect((await classement(offreId)).map((r) => r.candidatureId)).toEqual([premier.candidatureId, second.candidatureId]);

    const ok = await poser(second.demandeId, tok.conseiller, { accompagne: true, motif: 'Suivi par le service d’accompagnement social depuis mars' });
    expect(ok.status).toBe(200);
    expect(ok.body.accompagneServiceSalariesEnDifficulte).toBe(true);
    const apres = await classement(offreId);
    expect(apres.map((r) => r.candidatureId)).toEqual([second.candidatureId, premier.candidatureId]);
    expect(apres[0].palier).toBeLessThan(apres[1].palier);
    const [ev] = await q<{ motif: string; details: { accompagne: boolean; paliersRecalcules: number } }>(
      `select motif, details from audit_event where action = 'declarer_accompagnement' and entite = 'demande' and entite_id = ?`,
      [second.demandeId],
    );
    expect(ev).toEqual({ motif: 'Suivi par le service d’accompagnement social depuis mars', details: { accompagne: true, paliersRecalcules: 1 } });

    const retrait = await poser(second.demandeId, tok.conseiller, { accompagne: false, motif: 'Fin de l’accompagnement' });
    expect(retrait.status).toBe(200);
    expect(retrait.body.accompagneServiceSalariesEnDifficulte).toBe(false);
    expect((await classement(offreId)).map((r) => r.candidatureId)).toEqual([premier.candidatureId, second.candidatureId]);
    expect(await q(`select 1 from audit_event where action = 'retirer_accompagnement' and entite_id = ? and motif = 'Fin de l’accompagnement'`, [second.demandeId])).toHaveLength(1);
  });

  it('R-RANK-CD: contrôle fraude may do it in every territory; a manager or an admin may not (403), a conseiller elsewhere sees nothing (404)', async () => {
    const { second } = await fileCourteDuree();
    expect((await poser(second.demandeId, tok.manager, { accompagne: true, motif: 'x' })).status).toBe(403);
    expect((await poser(second.demandeId, tok.admin, { accompagne: true, motif: 'x' })).status).toBe(403);
    expect((await poser(second.demandeId, tok.conseiller33, { accompagne: true, motif: 'x' })).status).toBe(404);
    expect((await poser(second.demandeId, tok.fraude, { accompagne: true, motif: 'Signalé par le service' })).status).toBe(200);
  });

  it('R-RANK-CD: refusals change nothing: no motif or no boolean (400), the same value again or a closed demande (409)', async () => {
    const { offreId, premier, second } = await fileCourteDuree();
    const sansMotif = await poser(second.demandeId, tok.conseiller, { accompagne: true, motif: '  ' });
    expect(sansMotif.status).toBe(400);
    expect(sansMotif.headers['content-type']).toMatch(/problem\+json/);
    expect(sansMotif.body.errors.map((e: { field: string }) => e.field)).toContain('motif');
    expect((await poser(second.demandeId, tok.conseiller, { accompagne: 'oui', motif: 'x' })).status).toBe(400);
    const inchange = await poser(second.demandeId, tok.conseiller, { accompagne: false, motif: 'x' });
    expect(inchange.status).toBe(409);
    expect(inchange.body.code).toBe('ACCOMPAGNEMENT_INCHANGE');
    await q(`update demande set statut = 'cloturee', motif_cloture = 'agent', cloture_le = now() where id = ?`, [premier.demandeId]);
    const close = await poser(premier.demandeId, tok.conseiller, { accompagne: true, motif: 'x' });
    expect(close.status).toBe(409);
    expect(close.body.code).toBe('DEMANDE_CLOTUREE');
    const rows = await q<{ accompagne: boolean }>(
      `select accompagne_service_salaries_en_difficulte as accompagne from demande where id in (?, ?)`,
      [premier.demandeId, second.demandeId],
    );
    expect(rows.every((r) => !r.accompagne)).toBe(true);
    expect(await q(`select 1 from audit_event where action like '%_accompagnement' and entite_id in (?, ?)`, [premier.demandeId, second.demandeId])).toHaveLength(0);
    expect((await classement(offreId)).map((r) => r.candidatureId)).toContain(second.candidatureId);
  });

  it('R-RANK-CD: two agents on two app instances set it at the same moment, 10 times: one 200 and one 409 each time, one audit event', async () => {
    const orm2 = await MikroORM.init(ormConfig(inject('databaseUrl'), { pool: { min: 0, max: 2 } }));
    try {
      const app2 = createApp({ orm: orm2, clock: t.clock, storage: t.storage, config: { ...loadConfig({}), dataDir: inject('dataDir'), demo: false } });
      for (let i = 0; i < 10; i++) {
        const { second } = await fileCourteDuree();
        const r = await Promise.all([
          poser(second.demandeId, tok.conseiller, { accompagne: true, motif: 'Premier agent' }),
          poser(second.demandeId, tok.fraude, { accompagne: true, motif: 'Second agent' }, app2),
        ]);
        expect(r.map((x) => x.status).sort()).toEqual([200, 409]);
        expect(r.find((x) => x.status === 409)!.body.code).toBe('ACCOMPAGNEMENT_INCHANGE');
        expect(await q(`select 1 from audit_event where action = 'declarer_accompagnement' and entite_id = ?`, [second.demandeId])).toHaveLength(1);
      }
    } finally {
      await orm2.close(true);
    }
  });
});
