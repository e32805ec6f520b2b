/**
 * « Demander la pièce » (issue #15): from a missing or refused line of the dossier checklist, an
 * agent who instructs the dossier asks the demandeur for the piece, with a motif. Over HTTP on
 * real PostgreSQL: the request row, its audit event and French mail in one transaction, the dossier
 * and the portal showing it, the deposit satisfying it, and every refusal changing nothing.
 */
import pg from 'pg';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@server/modules/auth/passwords';
import { createAgent } from '@test/support/agents';
import { bearer, login, urlDeBase, useTestApp } from '@test/support/app';
import { creerDossier, creerOffre } from '@test/support/fixtures';
import { CGU, connexion, MOT_DE_PASSE } from '../portail/fixtures';

const t = useTestApp();
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => t.orm.em.fork().getConnection().execute<T[]>(q, p);

let conseiller: { id: number; token: string; nom: string };
let collegue75: string;
let manager: string;
let fraude: string;
beforeAll(async () => {
  const c = await createAgent(t.orm, 'conseiller', ['69'], 'demanderpiece');
  conseiller = { id: c.id, token: await login(t.app, c.email, c.password), nom: (await sql<{ nom: string }>(`select prenom || ' ' || nom as nom from agent where id = ?`, [c.id]))[0].nom };
  const autre = await createAgent(t.orm, 'conseiller', ['75'], 'demanderpiece75');
  collegue75 = await login(t.app, autre.email, autre.password);
  const m = await createAgent(t.orm, 'manager', [], 'demanderpiecem');
  manager = await login(t.app, m.email, m.password);
  const f = await createAgent(t.orm, 'controle_fraude', [], 'demanderpiecef');
  fraude = await login(t.app, f.email, f.password);
});

/** A dossier on a « plus » offer of the 69: socles valid, the justificatif de domicile missing (or as given). */
async function dossier(pieces: Record<string, string> = { identite: 'valide', ressources: 'refuse', avis_imposition: 'valide' }, statut?: 'deposee' | 'en_instruction' | 'annulee') {
  return creerDossier(t.orm, { offreId: await creerOffre(t.orm), pieces: pieces as never, statut });
}
const demander = (token: string, id: number, body: unknown) => request(t.app).post(`/api/candidatures/${id}/pieces/demander`).set(bearer(token)).send(body as object);
const etat = async (candidatureId: number) => ({
  demandes: await sql(`select type, titulaire, motif, agent_id, satisfaite_le from demande_piece where candidature_id = ? order by id`, [candidatureId]),
  audits: await sql(`select action from audit_event where entite = 'candidature' and entite_id = ? order by id`, [candidatureId]),
  mails: await sql(`select template from notification where entite = 'candidature' and entite_id = ?`, [candidatureId]),
  enCharge: (await sql<{ agent_en_charge_id: number | null }>(`select agent_en_charge_id from candidature where id = ?`, [candidatureId]))[0].agent_en_charge_id,
});
const MOTIF = 'Le justificatif de domicile doit dater de moins de 3 mois.';

describe('POST /api/candidatures/:id/pieces/demander', () => {
  it('UI-DEMANDER-PIECE: a conseiller of the territory asks for a missing piece: request row, audit event, French mail with the link, dossier line « demandée », agent now in charge', async () => {
    const d = await dossier();
    const r = await demander(conseiller.token, d.candidatureId, { type: 'justificatif_domicile', motif: `  ${MOTIF}  ` });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ candidatureId: d.candidatureId, type: 'justificatif_domicile', titulaire: 'demandeur', motif: MOTIF, agentId: conseiller.id, agentNom: conseiller.nom });
    expect(new Date(r.body.demandeeLe).toISOString()).toBe(t.clock.now().toISOString());

    const [row] = await sql<Record<string, unknown>>(`select * from demande_piece where candidature_id = ?`, [d.candidatureId]);
    expect(row).toMatchObject({ demande_id: d.demandeId, type: 'justificatif_domicile', titulaire: 'demandeur', motif: MOTIF, agent_id: conseiller.id, satisfaite_le: null });
    const [ev] = await sql<{ acteur_id: number; motif: string; details: Record<string, unknown> }>(
      `select acteur_id, motif, details from audit_event where entite = 'candidature' and entite_id = ? and action = 'demander_piece'`, [d.candidatureId]);
    expect(ev).toMatchObject({ acteur_id: conseiller.id, motif: MOTIF, details: { type: 'justificatif_domicile', titulaire: 'demandeur', demandePieceId: row.id } });

    const mails = await sql<{ destinataire: string; sujet: string; corps: string; statut: string; demandeur_id: number }>(
      `select destinataire, sujet, corps, statut, demandeur_id from notification where template = 'piece_demandee' and entite_id = ?`, [d.candidatureId]);
    expect(mails).toHaveLength(1);
    const [reference] = (await sql<{ reference: string }>(`select reference from candidature where id = ?`, [d.candidatureId])).map((c) => c.reference);
    expect(mails[0]).toMatchObject({ demandeur_id: d.demandeurId, statut: 'a_envoyer' });
    expect(mails[0].sujet).toBe(`Pièce à fournir pour votre candidature ${reference}`);
    expect(mails[0].corps).toMatch(/^Bonjour Mme Test Fixture/);
    expect(mails[0].corps).toContain('votre conseiller vous demande de fournir la pièce suivante : justificatif de domicile.');
    expect(mails[0].corps).toContain(`Motif : ${MOTIF}`);
    expect(mails[0].corps).toContain('/portail/pieces?type=justificatif_domicile&titulaire=demandeur');

    // Acting takes the dossier (as instruire and the piece checks do).
    const apres = await etat(d.candidatureId);
    expect(apres.enCharge).toBe(conseiller.id);
    expect(apres.audits.map((a) => a.action)).toEqual(['demander_piece', 'prise_dossier']);

    const vue = await request(t.app).get(`/api/candidatures/${d.candidatureId}/dossier`).set(bearer(conseiller.token));
    expect(vue.status).toBe(200);
    const ligne = vue.body.checklist.find((l: { type: string }) => l.type === 'justificatif_domicile');
    expect(ligne).toMatchObject({ ok: false, demandable: false, demandePiece: { motif: MOTIF, agentNom: conseiller.nom, agentId: conseiller.id } });
    expect(new Date(ligne.demandePiece.demandeeLe).toISOString()).toBe(t.clock.now().toISOString());
    // The refused piece can still be asked for; the valid ones cannot.
    expect(vue.body.checklist.find((l: { type: string }) => l.type === 'ressources')).toMatchObject({ statut: 'refuse', demandable: true, demandePiece: null });
    expect(vue.body.checklist.find((l: { type: string }) => l.type === 'identite')).toMatchObject({ validee: true, demandable: false });
    expect(vue.body.peutDemanderPiece).toBe(true);
  });

  it('UI-DEMANDER-PIECE: a refused piece may be asked for; a second request while one is pending is 409 DEJA_DEMANDEE and changes nothing', async () => {
    const d = await dossier();
    expect((await demander(conseiller.token, d.candidatureId, { type: 'ressources', motif: 'Le bulletin fourni est illisible.' })).status).toBe(201);
    const avant = await etat(d.candidatureId);
    const r = await demander(fraude, d.candidatureId, { type: 'ressources', motif: 'Merci de fournir vos trois derniers bulletins.' });
    expect(r.status).toBe(409);
    expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(r.body.code).toBe('DEJA_DEMANDEE');
    expect(r.body.detail).toMatch(/déjà été demandée le \d{2}\/\d{2}\/\d{4}/);
    expect(await etat(d.candidatureId)).toEqual(avant);
  });

  it('UI-DEMANDER-PIECE: a valid or deposited piece is 409 PIECE_DEJA_FOURNIE, a piece the dossier does not require 422 PIECE_NON_REQUISE, a closed candidature 409 CANDIDATURE_CLOSE: nothing written', async () => {
    const d = await dossier({ identite: 'valide', ressources: 'depose', avis_imposition: 'valide' });
    const avant = await etat(d.candidatureId);
    const valide = await demander(conseiller.token, d.candidatureId, { type: 'identite', motif: 'Une autre pièce, svp.' });
    expect([valide.status, valide.body.code]).toEqual([409, 'PIECE_DEJA_FOURNIE']);
    const deposee = await demander(conseiller.token, d.candidatureId, { type: 'ressources', motif: 'Une autre pièce, svp.' });
    expect([deposee.status, deposee.body.code]).toEqual([409, 'PIECE_DEJA_FOURNIE']);
    const nonRequise = await demander(conseiller.token, d.candidatureId, { type: 'bulletin_salaire', motif: 'Une autre pièce, svp.' });
    expect([nonRequise.status, nonRequise.body.code]).toEqual([422, 'PIECE_NON_REQUISE']);
    expect(nonRequise.headers['content-type']).toMatch(/application\/problem\+json/);
    const codemandeur = await demander(conseiller.token, d.candidatureId, { type: 'identite', titulaire: 'codemandeur', motif: 'Une autre pièce, svp.' });
    expect([codemandeur.status, codemandeur.body.code]).toEqual([422, 'PIECE_NON_REQUISE']);
    expect(await etat(d.candidatureId)).toEqual(avant);

    const close = await dossier(undefined, 'annulee');
    const r = await demander(conseiller.token, close.candidatureId, { type: 'justificatif_domicile', motif: MOTIF });
    expect([r.status, r.body.code]).toEqual([409, 'CANDIDATURE_CLOSE']);
    expect((await etat(close.candidatureId)).demandes).toEqual([]);
  });

  it('UI-DEMANDER-PIECE: outside the caller’s territory 404; a role that does not instruct (manager) 403; nothing written', async () => {
    const d = await dossier();
    const avant = await etat(d.candidatureId);
    const hors = await demander(collegue75, d.candidatureId, { type: 'justificatif_domicile', motif: MOTIF });
    expect([hors.status, hors.body.code]).toEqual([404, 'INTROUVABLE']);
    const inconnue = await demander(conseiller.token, 2_000_000_000, { type: 'justificatif_domicile', motif: MOTIF });
    expect(inconnue.status).toBe(404);
    const m = await demander(manager, d.candidatureId, { type: 'justificatif_domicile', motif: MOTIF });
    expect([m.status, m.body.code]).toEqual([403, 'INTERDIT']);
    expect(await etat(d.candidatureId)).toEqual(avant);
    // Neither sees the button: the dossier says they may not ask.
    const vue = await request(t.app).get(`/api/candidatures/${d.candidatureId}/dossier`).set(bearer(manager));
    expect(vue.body.peutDemanderPiece).toBe(false);
    expect(vue.body.checklist.every((l: { demandable: boolean }) => !l.demandable)).toBe(true);
  });

  it('UI-DEMANDER-PIECE: bad input is 400 problem+json with its field, never a 500, and changes nothing', async () => {
    const d = await dossier();
    const avant = await etat(d.candidatureId);
    for (const body of [
      {}, { type: 'justificatif_domicile' }, { type: 'justificatif_domicile', motif: '   ' }, { type: 'passeport', motif: MOTIF },
      { type: 'justificatif_domicile', motif: 'x'.repeat(1001) }, { type: 'justificatif_domicile', motif: MOTIF, titulaire: 'voisin' },
      { type: 'justificatif_domicile', motif: MOTIF, agentId: 1 }, { type: ['identite'], motif: MOTIF }, { type: 'justificatif_domicile', motif: 42 },
    ]) {
      const r = await demander(conseiller.token, d.candidatureId, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.body.code).toBe('VALIDATION');
    }
    const id = await request(t.app).post('/api/candidatures/abc/pieces/demander').set(bearer(conseiller.token)).send({ type: 'identite', motif: MOTIF });
    expect([id.status, id.body.code]).toEqual([404, 'INTROUVABLE']); // not an id: no such record, as on every route
    expect(await etat(d.candidatureId)).toEqual(avant);
  });

  it('UI-DEMANDER-PIECE: the portal shows the pending request (no agent named); the demandeur’s deposit of that piece satisfies it in the same transaction', async () => {
    const d = await dossier();
    // The fixture's demandeur gets a portal account.
    const [{ email }] = await sql<{ email: string }>(
      `update demandeur set password_hash = ?, email_verifie_le = now(), cgu_version_acceptee = ? where id = ? returning email`,
      [await hashPassword(MOT_DE_PASSE), CGU, d.demandeurId]);
    const portail = await connexion(t.app, email);
    expect((await demander(conseiller.token, d.candidatureId, { type: 'justificatif_domicile', motif: MOTIF })).status).toBe(201);
    expect((await demander(conseiller.token, d.candidatureId, { type: 'ressources', motif: 'Bulletin illisible.' })).status).toBe(201);

    const vue = await request(t.app).get('/api/portail/demande').set(bearer(portail));
    expect(vue.status).toBe(200);
    expect(vue.body.piecesDemandees).toEqual([
      { type: 'justificatif_domicile', titulaire: 'demandeur', motif: MOTIF, demandeeLe: t.clock.now().toISOString(), candidatureReference: expect.any(String) },
      { type: 'ressources', titulaire: 'demandeur', motif: 'Bulletin illisible.', demandeeLe: t.clock.now().toISOString(), candidatureReference: expect.any(String) },
    ]);
    expect(JSON.stringify(vue.body.piecesDemandees)).not.toContain(conseiller.nom);

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`domicile ${process.pid} ${Date.now()}`)]);
    const dep = await request(t.app).post('/api/portail/justificatifs').set(bearer(portail))
      .field('type', 'justificatif_domicile').field('titulaire', 'demandeur').attach('fichier', png, 'facture.png');
    expect(dep.status, JSON.stringify(dep.body)).toBe(201);

    const demandes = await sql<{ type: string; satisfaite_le: Date | null }>(`select type, satisfaite_le from demande_piece where candidature_id = ? order by type`, [d.candidatureId]);
    expect(demandes).toEqual([
      { type: 'justificatif_domicile', satisfaite_le: expect.anything() },
      { type: 'ressources', satisfaite_le: null },
    ]);
    const [ev] = await sql<{ acteur_type: string; details: Record<string, unknown> }>(
      `select acteur_type, details from audit_event where entite = 'candidature' and entite_id = ? and action = 'piece_fournie'`, [d.candidatureId]);
    expect(ev).toMatchObject({ acteur_type: 'demandeur', details: { type: 'justificatif_domicile', justificatifId: dep.body.id } });
    expect((await request(t.app).get('/api/portail/demande').set(bearer(portail))).body.piecesDemandees.map((p: { type: string }) => p.type)).toEqual(['ressources']);
    // The dossier line has no pending request any more, and a new one may be made if the new piece is refused later.
    const dossierVue = await request(t.app).get(`/api/candidatures/${d.candidatureId}/dossier`).set(bearer(conseiller.token));
    expect(dossierVue.body.checklist.find((l: { type: string }) => l.type === 'justificatif_domicile')).toMatchObject({ statut: 'depose', ok: true, demandePiece: null, demandable: false });
    // A request of a candidature closed since then is no longer asked of the demandeur.
    await sql(`update candidature set statut = 'annulee' where id = ?`, [d.candidatureId]);
    expect((await request(t.app).get('/api/portail/demande').set(bearer(portail))).body.piecesDemandees).toEqual([]);
  });

  it('UI-DEMANDER-PIECE: a request made while the demandeur’s deposit of that piece is in progress waits for it, then sees the piece (409 PIECE_DEJA_FOURNIE), never a request left pending', async () => {
    const d = await dossier();
    // Another session does what the portal's deposit does: the demande locked FOR UPDATE, the piece inserted, then the commit.
    const depot = new pg.Client({ connectionString: urlDeBase() });
    await depot.connect();
    try {
      await depot.query('begin');
      await depot.query('select id from demande where id = $1 for update', [d.demandeId]);
      await depot.query(
        `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, depose_le, date_validite_fin)
         values ($1, 'demandeur', 'justificatif_domicile', 'depose', $2, 10, 'application/pdf', 'facture.pdf', now(), '2099-12-31')`,
        [d.demandeId, 'b'.repeat(64)],
      );
      const enCours = demander(conseiller.token, d.candidatureId, { type: 'justificatif_domicile', motif: MOTIF }).then((r) => r);
      await new Promise((ok) => setTimeout(ok, 400)); // the request is now waiting on the demande's lock
      await depot.query('commit');
      const r = await enCours;
      expect([r.status, r.body.code]).toEqual([409, 'PIECE_DEJA_FOURNIE']);
    } finally {
      await depot.end();
    }
    expect((await etat(d.candidatureId)).demandes).toEqual([]);
  });

  it('UI-DEMANDER-PIECE: 8 identical requests at once: one 201, the others 409 DEJA_DEMANDEE; one row, one audit event, one mail', async () => {
    const d = await dossier();
    const reponses = await Promise.all(Array.from({ length: 8 }, () => demander(conseiller.token, d.candidatureId, { type: 'justificatif_domicile', motif: MOTIF })));
    expect(reponses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(reponses.filter((r) => r.status === 409).every((r) => r.body.code === 'DEJA_DEMANDEE')).toBe(true);
    const e = await etat(d.candidatureId);
    expect(e.demandes).toHaveLength(1);
    expect(e.audits.filter((a) => a.action === 'demander_piece')).toHaveLength(1);
    expect(e.mails).toEqual([{ template: 'piece_demandee' }]);
  });
});
