import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATUTS_CANDIDATURE, type Role, type StatutCandidature } from '@shared/domain/enums';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre, statutDe } from '@test/support/fixtures';

const t = useTestApp();
const tok = {} as Record<Role | 'conseiller75', string>;
beforeAll(async () => {
  for (const [k, role, ter] of [['conseiller', 'conseiller', ['69']], ['conseiller75', 'conseiller', ['75']], ['controle_fraude', 'controle_fraude', []], ['manager', 'manager', []], ['admin', 'admin', []]] as const) {
    const a = await createAgent(t.orm, role, [...ter], 'actions');
    tok[k] = await login(t.app, a.email, a.password);
  }
});

const ACTIONS: Record<string, { depuis: StatutCandidature[]; vers: StatutCandidature; body: Record<string, string> }> = {
  instruire: { depuis: ['deposee'], vers: 'en_instruction', body: {} },
  designer: { depuis: ['en_instruction'], vers: 'transmise_bailleur', body: {} },
  'ne-pas-retenir': { depuis: ['en_instruction', 'transmise_bailleur'], vers: 'non_retenue', body: { motif: 'Dossier hors critères du bailleur' } },
  attribuer: { depuis: ['transmise_bailleur'], vers: 'attribuee', body: {} },
  annuler: { depuis: ['deposee', 'en_instruction'], vers: 'annulee', body: { motif: 'Le demandeur a trouvé un logement', canal: 'telephone' } },
};

async function dossier(statut: StatutCandidature) {
  const offreId = await creerOffre(t.orm);
  return creerDossier(t.orm, { offreId, statut });
}
const post = (action: string, id: number, token: string, body: object) =>
  request(t.app).post(`/api/candidatures/${id}/${action}`).set(bearer(token)).send(body);

describe.each(Object.entries(ACTIONS))('POST /api/candidatures/:id/%s', (action, spec) => {
  it.each(STATUTS_CANDIDATURE)(`R-CAND-FSM: from %s, a conseiller of the territory gets the lifecycle's answer`, async (statut) => {
    const d = await dossier(statut);
    const r = await post(action, d.candidatureId, tok.conseiller, spec.body);
    if (spec.depuis.includes(statut)) {
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.statut).toBe(spec.vers);
      const events = await t.orm.em.fork().getConnection().execute<{ de: string; vers: string }[]>(
        `select de, vers from audit_event where entite = 'candidature' and entite_id = ? and action <> 'prise_dossier'`, [d.candidatureId]);
      expect(events).toEqual([{ de: statut, vers: spec.vers }]);
    } else {
      expect(r.status).toBe(409);
      expect(r.body.code).toBe('TRANSITION_INTERDITE');
      expect(await statutDe(t.orm, d.candidatureId)).toBe(statut);
    }
  });

  it('R-CAND-FSM: roles — controle_fraude may, manager and admin get 403, a conseiller of another territory 404', async () => {
    const from = spec.depuis[0];
    const a = await dossier(from);
    expect((await post(action, a.candidatureId, tok.manager, spec.body)).status).toBe(403);
    expect((await post(action, a.candidatureId, tok.admin, spec.body)).status).toBe(403);
    const other = await post(action, a.candidatureId, tok.conseiller75, spec.body);
    expect(other.status).toBe(404);
    expect(await statutDe(t.orm, a.candidatureId)).toBe(from);
    const ok = await post(action, a.candidatureId, tok.controle_fraude, spec.body);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });
});

describe('details required by the lifecycle', () => {
  it('R-CANCEL-SELF: an agent cancels only with the request channel and a motif (400, nothing changed)', async () => {
    const d = await dossier('en_instruction');
    const sans = await post('annuler', d.candidatureId, tok.conseiller, { motif: 'demande du candidat' });
    expect(sans.status).toBe(400);
    expect(sans.body.code).toBe('CANAL_REQUIS');
    const mauvais = await post('annuler', d.candidatureId, tok.conseiller, { motif: 'x', canal: 'pigeon' });
    expect(mauvais.status).toBe(400);
    expect(await statutDe(t.orm, d.candidatureId)).toBe('en_instruction');
  });

  it('R-CAND-FSM: ne pas retenir needs a motif', async () => {
    const d = await dossier('en_instruction');
    const r = await post('ne-pas-retenir', d.candidatureId, tok.conseiller, {});
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('MOTIF_REQUIS');
  });

  it('§11.27: each transition writes a French notification to the demandeur in the same transaction', async () => {
    const d = await dossier('deposee');
    await post('instruire', d.candidatureId, tok.conseiller, {});
    const rows = await t.orm.em.fork().getConnection().execute<{ template: string; sujet: string; statut: string }[]>(
      `select template, sujet, statut from notification where entite = 'candidature' and entite_id = ?`, [d.candidatureId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ template: 'candidature_en_instruction', statut: 'a_envoyer' });
    expect(rows[0].sujet).toMatch(/en cours d’instruction/);
  });
});
