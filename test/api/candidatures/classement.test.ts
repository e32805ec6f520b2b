import fc from 'fast-check';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { PUBLICS_CIBLES, type StatutCandidature, type StatutJustificatif, type TypeJustificatif } from '@shared/domain/enums';
import { classer, libellePalier, motifClassement } from '@shared/rules/classement';
import type { JustificatifRules } from '@shared/domain/types';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { creerDossier, creerOffre } from '@test/support/fixtures';

const t = useTestApp();
let token: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'controle_fraude', [], 'classement');
  token = await login(t.app, a.email, a.password);
});

const PIECES: TypeJustificatif[] = ['identite', 'ressources', 'avis_imposition', 'justificatif_domicile', 'justificatif_situation'];
const STATUTS_PIECE: StatutJustificatif[] = ['depose', 'valide', 'refuse', 'expire', 'falsifie'];
const STATUTS: StatutCandidature[] = ['deposee', 'en_instruction', 'transmise_bailleur', 'non_retenue'];

const dossierArb = fc.record({
  publicCible: fc.constantFrom(...PUBLICS_CIBLES),
  statut: fc.constantFrom(...STATUTS),
  pieces: fc.dictionary(fc.constantFrom(...PIECES), fc.constantFrom(...STATUTS_PIECE)),
  // Few distinct dates, so that ties (same second) happen and the id decides.
  minute: fc.integer({ min: 0, max: 5 }),
  accompagne: fc.boolean(),
  situation: fc.boolean(),
});

/** Reads back what the database holds and ranks it with the pure shared function. */
async function attendu(offreId: number) {
  const conn = t.orm.em.fork().getConnection();
  const [offre] = await conn.execute<{ nature: 'classique' | 'courte_duree'; reglementation: 'plus' }[]>(`select nature, reglementation from offre where id = ?`, [offreId]);
  const cands = await conn.execute<{ id: number; statut: StatutCandidature; date_candidature: Date; demande_id: number; codemandeur: unknown; situations_prioritaires: never[]; public_cible: 'peec'; accompagne: boolean }[]>(
    `select c.id, c.statut, c.date_candidature, c.demande_id, d.codemandeur, d.situations_prioritaires, d.public_cible,
            d.accompagne_service_salaries_en_difficulte as accompagne
       from candidature c join demande d on d.id = c.demande_id where c.offre_id = ?`, [offreId]);
  const pieces = await conn.execute<(JustificatifRules & { demandeId: number })[]>(
    `select id, demande_id as "demandeId", titulaire, type, statut, date_validite_fin as "dateValiditeFin" from justificatif
      where actif and demande_id in (select demande_id from candidature where offre_id = ?)`, [offreId]);
  return classer(offre, cands.map((c) => ({
    candidature: { id: c.id, statut: c.statut, dateCandidature: c.date_candidature },
    demande: { codemandeur: c.codemandeur !== null, situationsPrioritaires: c.situations_prioritaires, publicCible: c.public_cible, accompagneServiceSalariesEnDifficulte: c.accompagne },
    justificatifs: pieces.filter((p) => p.demandeId === c.demande_id),
  })), new Date());
}

describe('R-RANK: the SQL ranking equals the shared ranking function', () => {
  it.each(['classique', 'courte_duree'] as const)('R-RANK-CL/R-RANK-CD/R-RANK-HPC: over random datasets (%s), classement and the list sorted by rang agree with classer()', async (nature) => {
    await fc.assert(
      fc.asyncProperty(fc.array(dossierArb, { minLength: 1, maxLength: 12 }), async (dossiers) => {
        const offreId = await creerOffre(t.orm, { nature, forme: 'type' });
        const base = Date.UTC(2026, 9, 1, 8, 0, 0);
        for (const d of dossiers) {
          await creerDossier(t.orm, {
            offreId, statut: d.statut, publicCible: d.publicCible, pieces: d.pieces, dateCandidature: new Date(base + d.minute * 60_000),
            accompagne: d.accompagne, situations: d.situation ? ['hotel'] : [],
          });
        }
        const pur = await attendu(offreId);
        const api = await request(t.app).get(`/api/offres/${offreId}/classement`).set(bearer(token));
        expect(api.status).toBe(200);
        expect(api.body.map((r: { candidatureId: number; rang: number; palier: number; motif: string }) => [r.candidatureId, r.rang, r.palier, r.motif]))
          .toEqual(pur.map((r) => [r.candidatureId, r.rang, r.palier, r.motif]));
        const liste = await request(t.app).get('/api/candidatures')
          .query({ filter: JSON.stringify({ offreId, statut: ['deposee', 'en_instruction', 'transmise_bailleur'] }), sort: '["rang","ASC"]', range: '[0,99]' })
          .set(bearer(token));
        expect(liste.body.map((r: { id: number; rang: number; motifRang: string }) => [r.id, r.rang, r.motifRang]))
          .toEqual(pur.map((r) => [r.candidatureId, r.rang, r.motif]));
      }),
      { numRuns: 15, seed: 20260312 },
    );
  });

  it('R-RANK-EXPLAIN: the rank changes as soon as a piece changes (valider a missing socle moves the dossier up)', async () => {
    const offreId = await creerOffre(t.orm);
    const premier = await creerDossier(t.orm, { offreId, dateCandidature: new Date('2026-10-01T08:00:00Z'), pieces: { identite: 'depose', ressources: 'refuse', avis_imposition: 'depose', justificatif_domicile: 'depose' } });
    const second = await creerDossier(t.orm, { offreId, dateCandidature: new Date('2026-10-02T08:00:00Z') });
    const avant = await request(t.app).get(`/api/offres/${offreId}/classement`).set(bearer(token));
    expect(avant.body.map((r: { candidatureId: number }) => r.candidatureId)).toEqual([second.candidatureId, premier.candidatureId]);
    expect(avant.body[0].motif).toMatch(/^dossier complet, candidature du 02\/10\/2026 à 10:00$/);
    // The whole row, as PostgreSQL writes it (json_agg): the same fields and formats as the JS objects it replaced.
    const [ref] = await t.orm.em.fork().execute<{ reference: string; nom: string; prenom: string }[]>(
      `select c.reference, dr.nom, dr.prenom from candidature c join demandeur dr on dr.id = c.demandeur_id where c.id = ?`, [second.candidatureId]);
    expect(avant.headers['content-type']).toMatch(/^application\/json/);
    expect(avant.body[0]).toStrictEqual({
      rang: 1, palier: 1, candidatureId: second.candidatureId, demandeurId: second.demandeurId, statut: 'deposee',
      dateCandidature: '2026-10-02T08:00:00.000Z', reference: ref.reference, agentEnChargeId: null, demandeurNom: ref.nom, demandeurPrenom: ref.prenom,
      libellePalier: 'dossier complet', motif: 'dossier complet, candidature du 02/10/2026 à 10:00',
    });
    const [piece] = await t.orm.em.fork().getConnection().execute<{ id: number }[]>(`select id from justificatif where demande_id = ? and type = 'ressources'`, [premier.demandeId]);
    const v = await request(t.app).post(`/api/justificatifs/${piece.id}/valider`).set(bearer(token)).send({});
    expect(v.status).toBe(200);
    const apres = await request(t.app).get(`/api/offres/${offreId}/classement`).set(bearer(token));
    expect(apres.body.map((r: { candidatureId: number }) => r.candidatureId)).toEqual([premier.candidatureId, second.candidatureId]);
  });

  it('VOLUME-CLASSEMENT-JSON: the text PostgreSQL writes is byte for byte JSON.stringify of the rows (microseconds, quotes, backslashes, control characters, accents, summer and winter time)', async () => {
    const offreId = await creerOffre(t.orm, { nature: 'courte_duree', forme: 'type' });
    const dates = ['2026-03-29T00:59:59.999999Z', '2026-03-29T01:00:00.000500Z', '2026-10-25T00:30:00.123456Z', '2026-10-25T01:30:00Z'];
    const noms = ['O\'Brien "le grand"', 'Back\\slash\ttab', `Ligne\nsuivante${String.fromCharCode(1)}`, 'Éléonore Ñúñez 李'];
    const ids: number[] = [];
    for (const [i, date] of dates.entries()) {
      const d = await creerDossier(t.orm, { offreId, dateCandidature: new Date(date), publicCible: i % 2 ? 'hors_public_cible' : 'peec' });
      await t.orm.em.fork().execute(`update candidature set date_candidature = ?::timestamptz where id = ?`, [date, d.candidatureId]);
      await t.orm.em.fork().execute(`update demandeur set nom = ?, prenom = ? where id = ?`, [noms[i], noms[3 - i], d.demandeurId]);
      ids.push(d.candidatureId);
    }
    await t.orm.em.fork().execute(`update candidature set agent_en_charge_id = (select min(id) from agent) where id = ?`, [ids[2]]);
    const r = await request(t.app).get(`/api/offres/${offreId}/classement`).set(bearer(token));
    expect(r.status).toBe(200);
    // What the former code built in Node from the same rows, then serialised.
    const lignes = await t.orm.em.fork().getConnection().execute<{ id: number; palier: number; demandeur_id: number; statut: string; d: string; reference: string; agent_en_charge_id: number | null; nom: string; prenom: string }[]>(
      `select c.id, c.palier, c.demandeur_id, c.statut, to_char(c.date_candidature at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as d, c.reference, c.agent_en_charge_id, dr.nom, dr.prenom
         from candidature c join demandeur dr on dr.id = c.demandeur_id where c.offre_id = ? order by c.palier, c.date_candidature, c.id`, [offreId]);
    const attendu = lignes.map((l, i) => {
      const date = new Date(`${l.d.slice(0, 10)}T${l.d.slice(11, 23)}Z`); // truncated to the millisecond, as Date#toISOString
      return {
        rang: i + 1, palier: l.palier, candidatureId: l.id, demandeurId: l.demandeur_id, statut: l.statut, dateCandidature: date.toISOString(),
        reference: l.reference, agentEnChargeId: l.agent_en_charge_id, demandeurNom: l.nom, demandeurPrenom: l.prenom,
        libellePalier: libellePalier('courte_duree', l.palier), motif: motifClassement('courte_duree', l.palier, date),
      };
    });
    expect(attendu.map((a) => a.dateCandidature)).toContain('2026-03-29T00:59:59.999Z');
    expect(r.text).toBe(JSON.stringify(attendu));
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    const vide = await request(t.app).get(`/api/offres/${await creerOffre(t.orm)}/classement`).set(bearer(token));
    expect(vide.text).toBe('[]');
  });
});
