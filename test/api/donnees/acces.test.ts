import { createHash } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { SEED_NOW } from '@test/support/constants';
import { binaire, lireZip } from '@test/support/zip';
import { connexion } from '../portail/fixtures';
import { demandeurComplet, MOTIF_FRAUDE, NOTE_CONSEILLER, NOTE_FRAUDE } from './fixtures';

const t = useTestApp();
let d: Awaited<ReturnType<typeof demandeurComplet>>;
let jeton: string;
const sql = <T = Record<string, unknown>>(q: string, p: unknown[] = []) => t.orm.em.fork().execute<T[]>(q, p);

beforeAll(async () => {
  d = await demandeurComplet(t.orm, t.storage, SEED_NOW);
  jeton = await connexion(t.app, d.email);
});

describe('GET /api/portail/mes-donnees', () => {
  it('DATA-ACCES: everything held on the caller, as the database has it; suspension as category and duration only; audited', async () => {
    const r = await request(t.app).get('/api/portail/mes-donnees').set(bearer(jeton));
    expect(r.status).toBe(200);
    const p = r.body;
    const [compte] = await sql<{ email: string; telephone: string }>(`select email, telephone from demandeur where id = ?`, [d.id]);
    expect(p.compte).toMatchObject({ id: d.id, email: compte.email, telephone: compte.telephone, dateNaissance: '1991-04-05', statutCompte: 'actif' });
    expect(p.compte).not.toHaveProperty('passwordHash');
    const [{ n: nd }] = await sql<{ n: number }>(`select count(*)::int as n from demande where demandeur_id = ?`, [d.id]);
    expect(p.demandes).toHaveLength(nd);
    expect(p.demandes[0]).toMatchObject({ id: d.demandeId, revenuFiscalReference: 20000, codemandeur: { nom: 'Testeur' } });
    expect(p.candidatures.map((c: { id: number }) => c.id)).toEqual([d.candidatureId]);
    const pieces = await sql<{ id: number; sha256: string; taille: number }>(`select id, sha256, taille from justificatif where demande_id = ? order by id`, [d.demandeId]);
    expect(p.justificatifs.map((j: { id: number; sha256: string; taille: number }) => ({ id: j.id, sha256: j.sha256, taille: j.taille }))).toEqual(pieces);
    // A falsified piece reads as refused, without its finding (R-FRAUD-VIS), as on the portal.
    expect(p.justificatifs.find((j: { id: number }) => j.id === d.falsifiee)).toMatchObject({ statut: 'refuse', motifRefus: null });
    expect(p.propositions).toHaveLength(1);
    // Only the mails actually sent.
    expect(p.notifications.map((n: { sujet: string }) => n.sujet)).toEqual(['Votre candidature']);
    expect(p.suspensions).toEqual([{ id: expect.any(Number), categorie: 'fraude', dureeMois: 6, debut: SEED_NOW.toISOString(), fin: expect.any(String), leveeLe: null }]);
    expect(p.connexions.length).toBeGreaterThanOrEqual(1);
    // The history of their records without fraud events; agents as a kind, an address only for their own acts.
    expect(p.historique).toEqual(expect.arrayContaining([
      expect.objectContaining({ acteur: 'demandeur', action: 'candidater', entite: 'candidature', entiteId: d.candidatureId, vers: 'deposee', ip: '203.0.113.7' }),
      expect.objectContaining({ acteur: 'agent', action: 'valider', entite: 'justificatif', entiteId: d.pieces[0], de: 'depose', vers: 'valide', ip: null }),
    ]));
    expect(p.historique.some((h: { action: string }) => h.action === 'suspendre')).toBe(false);
    expect(p.historique.every((h: Record<string, unknown>) => !('acteurId' in h))).toBe(true);
    // The agents' notes, except contrôle fraude's, without their author.
    expect(p.notes).toEqual([{ creeLe: SEED_NOW.toISOString(), entite: 'candidature', entiteId: d.candidatureId, texte: NOTE_CONSEILLER }]);
    const texte = JSON.stringify(p);
    expect(texte).not.toContain(NOTE_FRAUDE);
    expect(texte).not.toContain('10.1.2.');
    expect(texte).not.toContain(MOTIF_FRAUDE);
    expect(texte).not.toContain('retouché');
    expect(texte).not.toContain('argon2');
    const [a] = await sql<{ acteur_type: string; acteur_id: number; details: Record<string, unknown> }>(
      `select acteur_type, acteur_id, details from audit_event where action = 'acces_donnees' and entite_id = ? order by id desc limit 1`,
      [d.id],
    );
    expect(a).toMatchObject({ acteur_type: 'demandeur', acteur_id: d.id, details: { format: 'json' } });
  });

  it('DATA-ACCES: the pieces an agent asked them for (« Demander la pièce »), without the agent', async () => {
    const [{ id: agentId }] = await sql<{ id: number }>(`select id from agent order by id limit 1`);
    await sql(
      `insert into demande_piece (candidature_id, demande_id, type, titulaire, motif, demandee_le, agent_id) values (?, ?, 'avis_imposition', 'demandeur', ?, ?, ?)`,
      [d.candidatureId, d.demandeId, 'Avis de l’année dernière illisible.', SEED_NOW, agentId],
    );
    const r = await request(t.app).get('/api/portail/mes-donnees').set(bearer(jeton));
    expect(r.status).toBe(200);
    expect(r.body.piecesDemandees).toEqual([{
      id: expect.any(Number), candidature: expect.stringMatching(/^CAN-/), type: 'avis_imposition', titulaire: 'demandeur',
      motif: 'Avis de l’année dernière illisible.', demandeeLe: SEED_NOW.toISOString(), satisfaiteLe: null,
    }]);
    await sql(`delete from demande_piece where demande_id = ?`, [d.demandeId]);
  });

  it('DATA-ACCES: the bailleur side: which bailleurs received their dossier and when, and each bailleur\'s decision (decision, motive, comment, date), without the bailleur\'s address', async () => {
    const [b] = await sql<{ id: number; nom: string }>(
      `select b.id, b.nom from candidature c join offre o on o.id = c.offre_id join bailleur b on b.id = o.bailleur_id where c.id = ?`, [d.candidatureId]);
    const envoye = new Date(SEED_NOW.getTime() - 5 * 86_400_000);
    const decide = new Date(SEED_NOW.getTime() - 2 * 86_400_000);
    const [env] = await sql<{ id: number }>(
      `insert into bailleur_envoi (bailleur_id, origine, destinataire, envoye_le, nombre_candidatures) values (?, 'candidature', 'gestion@bailleur.test', ?, 1) returning id`, [b.id, envoye]);
    await sql(`insert into bailleur_envoi_candidature (envoi_id, candidature_id, envoye_le) values (?, ?, ?)`, [env.id, d.candidatureId, envoye]);
    const [lien] = await sql<{ id: number }>(
      `insert into bailleur_lien (envoi_id, bailleur_id, token_hash, cree_le, expire_le) values (?, ?, ?, ?, ?) returning id`, [env.id, b.id, `acces${process.pid}`.padEnd(64, '0'), envoye, SEED_NOW]);
    await sql(
      `insert into bailleur_decision (candidature_id, bailleur_id, lien_id, decision, motif, commentaire, date_caleol, source, decide_le, ip)
       values (?, ?, ?, 'non_retenue', 'autre_candidat_retenu', 'Un autre foyer plus proche du lieu de travail.', '2025-01-20', 'page', ?, '198.51.100.23')`,
      [d.candidatureId, b.id, lien.id, decide]);
    try {
      const r = await request(t.app).get('/api/portail/mes-donnees').set(bearer(jeton));
      expect(r.status).toBe(200);
      const [c] = await sql<{ reference: string }>(`select reference from candidature where id = ?`, [d.candidatureId]);
      expect(r.body.envoisBailleurs).toEqual([{ candidature: c.reference, bailleur: b.nom, envoyeLe: envoye.toISOString() }]);
      expect(r.body.decisionsBailleurs).toEqual([{
        candidature: c.reference, bailleur: b.nom, decision: 'non_retenue', motif: 'autre_candidat_retenu',
        commentaire: 'Un autre foyer plus proche du lieu de travail.', dateCaleol: '2025-01-20', decideLe: decide.toISOString(),
      }]);
      expect(JSON.stringify(r.body)).not.toContain('198.51.100.23');
    } finally {
      await sql(`delete from bailleur_decision where candidature_id = ?`, [d.candidatureId]);
      await sql(`delete from bailleur_lien where id = ?`, [lien.id]);
      await sql(`delete from bailleur_envoi_candidature where envoi_id = ?`, [env.id]);
      await sql(`delete from bailleur_envoi where id = ?`, [env.id]);
    }
  });

  it('DATA-ACCES: without a portal session → 401; an agent session does not open it', async () => {
    expect((await request(t.app).get('/api/portail/mes-donnees')).status).toBe(401);
    expect((await request(t.app).get('/api/portail/mes-donnees.zip')).status).toBe(401);
  });
});

describe('GET /api/portail/mes-donnees.zip', () => {
  it('DATA-ACCES: the ZIP read back holds donnees.json (the same package) and each of the caller’s documents, byte for byte', async () => {
    const r = await request(t.app).get('/api/portail/mes-donnees.zip').set(bearer(jeton)).buffer(true).parse(binaire as never);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/zip');
    const zip = await lireZip(r.body as Buffer);
    const json = JSON.parse(zip.get('donnees.json')!.toString('utf8'));
    const direct = (await request(t.app).get('/api/portail/mes-donnees').set(bearer(jeton))).body;
    // The same package (the session list grows by nothing: same token); the history grew by this request's own audit event.
    expect({ ...json, genereLe: null, historique: null }).toEqual({ ...direct, genereLe: null, historique: null });
    expect(direct.historique.slice(0, json.historique.length)).toEqual(json.historique);
    expect(direct.historique.slice(json.historique.length).map((h: { action: string }) => h.action)).toEqual(['acces_donnees']);
    const rows = await sql<{ id: number; sha256: string }>(`select id, sha256 from justificatif where demande_id = ? order by id`, [d.demandeId]);
    const fichiers = [...zip.keys()].filter((k) => k.startsWith('pieces/')).sort();
    expect(fichiers).toHaveLength(rows.length);
    for (const row of rows) {
      const j = json.justificatifs.find((x: { id: number }) => x.id === row.id);
      const contenu = zip.get(j.fichier)!;
      expect(createHash('sha256').update(contenu).digest('hex')).toBe(row.sha256);
      expect(contenu.equals(d.contenus[row.id])).toBe(true);
      // No path from the user's file name escapes the folder.
      expect(j.fichier).toMatch(/^pieces\/\d+-[a-z_]+-[^/]+$/);
    }
    const [a] = await sql<{ details: Record<string, unknown> }>(`select details from audit_event where action = 'acces_donnees' and entite_id = ? and details->>'format' = 'zip' order by id desc limit 1`, [d.id]);
    expect(a.details).toMatchObject({ format: 'zip', pieces: rows.length });
  });
});

describe('GET /api/demandeurs/:id/donnees.zip (agents)', () => {
  let conseiller69: string;
  let conseiller33: string;
  let manager: string;
  let fraude: string;
  let conseillerId: number;
  beforeAll(async () => {
    const c = await createAgent(t.orm, 'conseiller', ['69']);
    conseillerId = c.id;
    conseiller69 = await login(t.app, c.email, c.password);
    const c33 = await createAgent(t.orm, 'conseiller', ['33']);
    conseiller33 = await login(t.app, c33.email, c33.password);
    const m = await createAgent(t.orm, 'manager');
    manager = await login(t.app, m.email, m.password);
    const f = await createAgent(t.orm, 'controle_fraude');
    fraude = await login(t.app, f.email, f.password);
  });
  const url = (q = '?demandePar=Mme%20Testeuse%2C%20courrier%20du%202%20mars') => `/api/demandeurs/${d.id}/donnees.zip${q}`;

  it('DATA-ACCES, R-FRAUD-VIS: a conseiller of the territory produces the package with the suspension’s category masked, audited with the agent and who asked', async () => {
    const r = await request(t.app).get(url()).set(bearer(conseiller69)).buffer(true).parse(binaire as never);
    expect(r.status).toBe(200);
    const zip = await lireZip(r.body as Buffer);
    const json = JSON.parse(zip.get('donnees.json')!.toString('utf8'));
    expect(json.compte.id).toBe(d.id);
    expect([...zip.keys()].filter((k) => k.startsWith('pieces/'))).toHaveLength(d.pieces.length);
    expect(zip.get('donnees.json')!.toString('utf8')).not.toContain(MOTIF_FRAUDE);
    expect(json.suspensions.map((s: { categorie: string }) => s.categorie)).toEqual(['suspension']);
    const [a] = await sql<{ acteur_type: string; acteur_id: number; motif: string; details: Record<string, unknown> }>(
      `select acteur_type, acteur_id, motif, details from audit_event where action = 'acces_donnees' and entite_id = ? order by id desc limit 1`,
      [d.id],
    );
    expect(a).toMatchObject({ acteur_type: 'agent', acteur_id: conseillerId, motif: 'Mme Testeuse, courrier du 2 mars', details: { format: 'zip', demandePar: 'Mme Testeuse, courrier du 2 mars', fraudeMasquee: true } });
  });

  it('DATA-ACCES: contrôle fraude may; another territory 404; a manager 403; no requester named 400', async () => {
    expect((await request(t.app).get(url()).set(bearer(fraude)).buffer(true).parse(binaire as never)).status).toBe(200);
    expect((await request(t.app).get(url()).set(bearer(conseiller33))).status).toBe(404);
    expect((await request(t.app).get(url()).set(bearer(manager))).status).toBe(403);
    const sans = await request(t.app).get(url('')).set(bearer(conseiller69));
    expect(sans.status).toBe(400);
    expect(sans.body.code).toBe('VALIDATION');
  });
});
