import pg from 'pg';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { palierCandidature } from '@shared/rules/classement';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { connexion, demande, demandeurActif, offre, piece, q } from './fixtures';

const t = useTestApp();
const JOUR = 86_400_000;
const formulaire = (x: Record<string, unknown> = {}) => ({
  nombrePersonnes: 2,
  codemandeur: null,
  revenuFiscalReference: 28_000,
  publicCible: 'peec',
  lieuTravailCodePostal: '69003',
  lieuTravailCommune: 'Lyon',
  communeLogementActuel: 'Villeurbanne',
  secteursRecherche: [{ codeInsee: '69123', rayonKm: 10 }, { codeInsee: '69266', rayonKm: 0 }],
  situationsPrioritaires: [],
  ...x,
});
let agentId: number;
beforeAll(async () => {
  agentId = (await createAgent(t.orm, 'controle_fraude')).id;
});
async function compte() {
  const a = await demandeurActif(t.orm);
  return { ...a, token: await connexion(t.app, a.email) };
}
const put = (token: string, body: unknown) => request(t.app).put('/api/portail/demande').set(bearer(token)).send(body as object);
const demandeDb = async (demandeurId: number) =>
  (await q<Record<string, unknown>>(t.orm, `select * from demande where demandeur_id = ? and statut <> 'cloturee'`, [demandeurId]))[0];
/** An open classique candidature in 69 of this demande, written directly (the triggers fill what they keep). */
const CANDIDATURE_SQL = `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine, palier, version)
  values (?, ?, ?, ?, '69', 'classique', ?, now(), 'portail', 3, 1) returning id`;
async function candidature(reference: string, demandeId: number, demandeurId: number, offreId: number, statut: 'deposee' | 'en_instruction') {
  const [c] = await q<{ id: number }>(t.orm, CANDIDATURE_SQL, [reference, demandeId, demandeurId, offreId, statut]);
  return c;
}
async function suspension(demandeurId: number, debut: Date, fin: Date) {
  await q(t.orm, `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, cree_par_id, created_at) values (?, 'incivilite', ?, ?, 6, 'test', ?, now())`, [demandeurId, debut, fin, agentId]);
}

describe('PUT /api/portail/demande', () => {
  it('creates the one open demande (201), every form field stored, brouillon without pieces, activity stamped', async () => {
    const a = await compte();
    const r = await put(a.token, formulaire({ entrepriseSiret: null, dateNaissance: '1991-04-12', telephone: '06 12 34 56 78' }));
    expect(r.status).toBe(201);
    expect(r.body.reference).toMatch(/^DEM-\d{4}-\d{6}$/);
    expect(r.body.statut).toBe('brouillon');
    expect(r.body.secteursRecherche).toEqual([{ codeInsee: '69123', commune: 'Lyon', rayonKm: 10 }, { codeInsee: '69266', commune: 'Villeurbanne', rayonKm: 0 }]);
    expect(r.body.piecesSocles.every((p: { ok: boolean }) => !p.ok)).toBe(true);
    expect(r.body).not.toHaveProperty('controleRenforce');
    const d = await demandeDb(a.id);
    expect(new Date(d.derniere_mise_ajour as Date).getTime()).toBe(t.clock.now().getTime());
    const [u] = await q<{ date_naissance: string; telephone: string }>(t.orm, `select date_naissance, telephone from demandeur where id = ?`, [a.id]);
    expect(u).toEqual({ date_naissance: '1991-04-12', telephone: '06 12 34 56 78' });
    const g = await request(t.app).get('/api/portail/demande').set(bearer(a.token));
    expect(g.status).toBe(200);
    expect(g.body.id).toBe(r.body.id);
  });

  it('updates it (200) instead of opening a second one; derniereMiseAJour follows (R-INACT)', async () => {
    const a = await compte();
    await put(a.token, formulaire());
    t.clock.advance(20 * 60_000);
    const r = await put(a.token, formulaire({ nombrePersonnes: 3, revenuFiscalReference: 31_000 }));
    t.clock.advance(-20 * 60_000);
    expect(r.status).toBe(200);
    expect(r.body.nombrePersonnes).toBe(3);
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from demande where demandeur_id = ?`, [a.id]);
    expect(n).toBe(1);
    const d = await demandeDb(a.id);
    expect(new Date(d.derniere_mise_ajour as Date).getTime()).toBe(t.clock.now().getTime() + 20 * 60_000);
  });

  it('GET answers 404 while there is no open demande', async () => {
    const a = await compte();
    expect((await request(t.app).get('/api/portail/demande').set(bearer(a.token))).status).toBe(404);
  });

  it('statut complete once the pièces socles of demandeur and codemandeur are deposited', async () => {
    const a = await compte();
    const r = await put(a.token, formulaire({ codemandeur: { civilite: 'M', nom: 'Martin', prenom: 'Paul', dateNaissance: '1990-02-03' } }));
    for (const type of ['identite', 'ressources', 'avis_imposition'] as const) await piece(t.orm, r.body.id, type);
    expect((await put(a.token, formulaire({ codemandeur: { civilite: 'M', nom: 'Martin', prenom: 'Paul', dateNaissance: '1990-02-03' } }))).body.statut).toBe('brouillon');
    for (const type of ['identite', 'ressources', 'avis_imposition'] as const) await piece(t.orm, r.body.id, type, { titulaire: 'codemandeur' });
    expect((await put(a.token, formulaire({ codemandeur: { civilite: 'M', nom: 'Martin', prenom: 'Paul', dateNaissance: '1990-02-03' } }))).body.statut).toBe('complete');
    // Without the codemandeur the demandeur's socles suffice.
    expect((await put(a.token, formulaire())).body.statut).toBe('complete');
  });

  it('R-RANK-EXPLAIN: a change of the demande refreshes the palier of its open candidatures', async () => {
    const a = await compte();
    const demandeId = await demande(t.orm, a.id, { publicCible: 'peec' });
    const offreId = await offre(t.orm, t.clock.now(), { nature: 'classique', reglementation: 'plai' });
    const c = await candidature(`CAN-T-${a.id}`, demandeId, a.id, offreId, 'deposee');
    await put(a.token, formulaire({ publicCible: 'hors_public_cible' }));
    const [row] = await q<{ palier: number }>(t.orm, `select palier from candidature where id = ?`, [c.id]);
    const pieces = await q<{ id: number; titulaire: 'demandeur'; type: 'identite'; statut: 'valide'; dateValiditeFin: null }>(t.orm, `select id, titulaire, type, statut, date_validite_fin as "dateValiditeFin" from justificatif where demande_id = ? and actif`, [demandeId]);
    const attendu = palierCandidature(
      { nature: 'classique', reglementation: 'plai' },
      { candidature: { id: c.id, statut: 'deposee', dateCandidature: t.clock.now() }, demande: { codemandeur: false, situationsPrioritaires: [], publicCible: 'hors_public_cible', accompagneServiceSalariesEnDifficulte: false }, justificatifs: pieces },
      t.clock.now(),
    );
    expect(row.palier).toBe(attendu);
    expect(row.palier).toBe(12); // hors public cible, socles only
  });

  it('UI-FILE: the queue\'s public cible filter follows the demande (copied on its candidatures, in the same transaction as the change)', async () => {
    const a = await compte();
    const demandeId = await demande(t.orm, a.id, { publicCible: 'dalo' });
    const offreId = await offre(t.orm, t.clock.now(), { nature: 'classique', reglementation: 'plai' });
    const c = await candidature(`CAN-PC-${a.id}`, demandeId, a.id, offreId, 'en_instruction');
    const conseiller = await createAgent(t.orm, 'conseiller', ['69'], 'public-cible');
    const jeton = await login(t.app, conseiller.email, conseiller.password);
    const filtre = async (publicCible: string) => {
      const r = await request(t.app).get('/api/candidatures').query({ filter: JSON.stringify({ id: [c.id], statut: 'en_instruction', publicCible }) }).set(bearer(jeton));
      expect(r.status).toBe(200);
      return (r.body as { id: number; publicCible: string }[]).map((l) => [l.id, l.publicCible]);
    };
    expect(await filtre('dalo')).toEqual([[c.id, 'dalo']]);
    expect((await put(a.token, formulaire({ publicCible: 'peec' }))).status).toBe(200);
    expect(await filtre('dalo')).toEqual([]);
    expect(await filtre('peec')).toEqual([[c.id, 'peec']]);
  });

  it('UI-FILE: a candidature written while its demande\'s public cible changes (not yet committed) gets the new one, not the old', async () => {
    const a = await compte();
    const demandeId = await demande(t.orm, a.id, { publicCible: 'dalo' });
    const offreId = await offre(t.orm, t.clock.now(), { nature: 'classique', reglementation: 'plai' });
    const url = t.orm.config.getClientUrl();
    const [changeur, candidat] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([changeur.connect(), candidat.connect()]);
    try {
      await changeur.query('begin');
      await changeur.query(`update demande set public_cible = 'peec' where id = $1`, [demandeId]);
      let ecrite = false;
      let n = 0;
      const insertion = candidat.query(CANDIDATURE_SQL.replace(/\?/g, () => `$${++n}`), [`CAN-RC-${a.id}`, demandeId, a.id, offreId, 'deposee'])
        .then((r) => ((ecrite = true), r.rows[0] as { id: number }));
      await new Promise((ok) => setTimeout(ok, 300));
      expect(ecrite).toBe(false); // it waits for the change of the demande…
      await changeur.query('commit');
      const { id } = await insertion;
      const [c] = await q<{ public_cible: string }>(t.orm, `select public_cible from candidature where id = ?`, [id]);
      expect(c.public_cible).toBe('peec'); // …and copies what was committed
    } finally {
      await changeur.query('rollback').catch(() => undefined);
      await Promise.all([changeur.end(), candidat.end()]);
    }
  });

  it('R-LIMIT-SUSP: a suspended demandeur cannot create a demande (409 SUSPENDU, nothing written)', async () => {
    const a = await compte();
    await suspension(a.id, new Date(t.clock.now().getTime() - JOUR), new Date(t.clock.now().getTime() + 200 * JOUR));
    const r = await put(a.token, formulaire());
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('SUSPENDU');
    expect(await demandeDb(a.id)).toBeUndefined();
  });

  it('R-LIMIT-SUSP: nor update one opened before the suspension', async () => {
    const a = await compte();
    await put(a.token, formulaire());
    await suspension(a.id, new Date(t.clock.now().getTime() - JOUR), new Date(t.clock.now().getTime() + 200 * JOUR));
    const r = await put(a.token, formulaire({ nombrePersonnes: 4 }));
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('SUSPENDU');
    expect((await demandeDb(a.id)).nombre_personnes).toBe(2);
  });

  it('R-SUSP: after a suspension has ended, the new demande carries controleRenforce', async () => {
    const a = await compte();
    await suspension(a.id, new Date(t.clock.now().getTime() - 400 * JOUR), new Date(t.clock.now().getTime() - JOUR));
    expect((await put(a.token, formulaire())).status).toBe(201);
    expect((await demandeDb(a.id)).controle_renforce).toBe(true);
  });

  it('R-REAPPLY: a new demande within 12 months of an attribution is flagged, not after', async () => {
    for (const [moisAvant, attendu] of [[11, true], [13, false]] as const) {
      const a = await compte();
      const ancienne = await demande(t.orm, a.id);
      await q(t.orm, `update demande set statut = 'cloturee', motif_cloture = 'attribution' where id = ?`, [ancienne]);
      const offreId = await offre(t.orm, t.clock.now());
      const at = new Date(t.clock.now().getTime() - moisAvant * 30.5 * JOUR);
      await q(
        t.orm,
        `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine, version, updated_at)
         values (?, ?, ?, ?, '69', 'classique', 'attribuee', ?, 'portail', 4, ?)`,
        [`CAN-R-${a.id}`, ancienne, a.id, offreId, at, at],
      );
      expect((await put(a.token, formulaire())).status).toBe(201);
      expect((await demandeDb(a.id)).signale_reattribution, `${moisAvant} mois`).toBe(attendu);
    }
  });

  it('rejects invalid forms with 400: codemandeur alone, unknown commune or SIRET, rayon over 100 km, fields the demandeur does not own', async () => {
    const a = await compte();
    const cas: [Record<string, unknown>, string][] = [
      [{ nombrePersonnes: 1, codemandeur: { civilite: 'M', nom: 'X', prenom: 'Y', dateNaissance: '1990-01-01' } }, 'VALIDATION'],
      [{ secteursRecherche: [{ codeInsee: '99999', rayonKm: 5 }] }, 'COMMUNE_INCONNUE'],
      [{ entrepriseSiret: '00000000000000' }, 'ENTREPRISE_INCONNUE'],
      [{ secteursRecherche: [{ codeInsee: '69123', rayonKm: 101 }] }, 'VALIDATION'],
      [{ secteursRecherche: [] }, 'VALIDATION'],
      [{ controleRenforce: false }, 'VALIDATION'],
      [{ accompagneServiceSalariesEnDifficulte: true }, 'VALIDATION'],
      [{ statut: 'complete' }, 'VALIDATION'],
      [{ dateNaissance: '2999-01-01' }, 'VALIDATION'],
      [{ revenuFiscalReference: -1 }, 'VALIDATION'],
    ];
    for (const [x, code] of cas) {
      const r = await put(a.token, formulaire(x));
      expect(r.status, JSON.stringify(x)).toBe(400);
      expect(r.body.code).toBe(code);
    }
    expect(await demandeDb(a.id)).toBeUndefined();
  });

  it('accepts a known entreprise SIRET', async () => {
    const a = await compte();
    const [e] = await q<{ siret: string; raison_sociale: string }>(t.orm, `select siret, raison_sociale from entreprise order by id limit 1`);
    const r = await put(a.token, formulaire({ entrepriseSiret: e.siret }));
    expect(r.status).toBe(201);
    expect(r.body.entreprise).toEqual({ siret: e.siret, raisonSociale: e.raison_sociale });
  });
});
