import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appliquerConservation, CONTENU_EFFACE } from '@server/modules/conservation/appliquer';
import { createStorage } from '@server/storage/create';
import type { FileStorage } from '@server/storage/storage';
import { tache } from '@server/jobs/definitions';
import { baseDediee, sql, type BaseDediee } from '../jobs/support';
import { autourDuCompte, compteFerme } from './fixtures';
import { enregistrerSignalements } from '@server/modules/signalements/enregistrer';
import { calculerStatistiques } from '@server/modules/statistiques/statistiques';
import { lecture } from '@server/db/lecture';

const JOUR = 86_400_000;
const F = new Date('2025-03-15T10:00:00Z'); // closure
const VEILLE = new Date('2026-03-14T10:00:00Z'); // F + 12 months − 1 day
const JOUR_J = new Date('2026-03-15T10:00:00Z'); // F + 12 months

let db: BaseDediee;
let dataDir: string;
let storage: FileStorage;

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'conservation');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'als-conservation-'));
  storage = createStorage({ dataDir });
});
afterAll(async () => {
  await storage?.close();
  await db?.fermer();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const run = (now: Date) => appliquerConservation(db.orm.em.fork(), now, { storage, lot: 2 });
const demandeur = async (id: number) =>
  (await sql<Record<string, unknown>>(db.orm, `select nom, prenom, email, telephone, date_naissance, password_hash, anonymise_le from demandeur where id = ?`, [id]))[0];

describe('closed accounts (DATA-RETENTION compte_ferme)', () => {
  it('DATA-RETENTION: the day before the 12 months nothing moves; on the day the account is anonymised, its files deleted, a file another live piece shares kept, audited once', async () => {
    const partage = Buffer.from('le même avis d’imposition, déposé par deux personnes');
    const c = await compteFerme(db.orm, storage, F, { partage });
    const vivant = await compteFerme(db.orm, storage, null, { partage, statut: 'actif' });
    const recent = await compteFerme(db.orm, storage, new Date(F.getTime() + JOUR));

    expect((await run(VEILLE)).comptesAnonymises).toBe(0);
    expect(await demandeur(c.id)).toMatchObject({ nom: 'Durand', anonymise_le: null });
    for (const s of c.fichiers) expect(await storage.exists(s)).toBe(true);

    const r = await run(JOUR_J);
    expect(r.comptesAnonymises).toBe(1);
    expect(await demandeur(c.id)).toEqual({
      nom: 'Anonyme', prenom: 'Anonyme', email: `anonyme-${c.id}@anonyme.invalid`, telephone: null, date_naissance: null, password_hash: null, anonymise_le: expect.anything(),
    });
    expect(new Date(String((await demandeur(c.id)).anonymise_le)).toISOString()).toBe(JOUR_J.toISOString());
    const [dm] = await sql<Record<string, unknown>>(db.orm, `select codemandeur, revenu_fiscal_reference, lieu_travail_commune, commune_logement_actuel, statut from demande where id = ?`, [c.demandeId]);
    expect(dm).toEqual({ codemandeur: null, revenu_fiscal_reference: 0, lieu_travail_commune: null, commune_logement_actuel: null, statut: 'cloturee' });
    const pieces = await sql<{ nom_original: string; fichier_supprime_le: Date | null }>(db.orm, `select nom_original, fichier_supprime_le from justificatif where demande_id = ?`, [c.demandeId]);
    expect(pieces.every((p) => p.nom_original === 'supprime' && p.fichier_supprime_le !== null)).toBe(true);
    expect(await storage.exists(c.fichiers[0])).toBe(false);
    // Content-addressed: the same bytes are also a live demandeur's piece.
    expect(await storage.exists(c.fichiers[1])).toBe(true);
    expect(vivant.fichiers[1]).toBe(c.fichiers[1]);
    // The account closed a day later waits its own day.
    expect(await demandeur(recent.id)).toMatchObject({ nom: 'Durand' });
    const [{ n }] = await sql<{ n: number }>(db.orm, `select count(*)::int as n from audit_event where action = 'anonymiser' and entite_id = ?`, [c.id]);
    expect(n).toBe(1);
    // Nothing left to do on that day, whoever runs it again.
    expect((await run(JOUR_J)).comptesAnonymises).toBe(0);
    const suivant = await run(new Date(JOUR_J.getTime() + JOUR));
    expect(suivant.comptesAnonymises).toBe(1);
  });

  it('DATA-RETENTION: an account under a running suspension is kept until the suspension ends (§11.13)', async () => {
    const c = await compteFerme(db.orm, storage, F);
    const [agent] = await sql<{ id: number }>(db.orm, `insert into agent (email, nom, prenom, role, territoires, password_hash) values (?, 'A', 'B', 'controle_fraude', '{}', 'x') returning id`, [`cf.${c.id}@als.test`]);
    const finSusp = new Date(JOUR_J.getTime() + 30 * JOUR);
    await sql(db.orm, `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, recidive, cree_par_id) values (?, 'fraude', ?, ?, 12, 'faux avis', false, ?)`, [c.id, F, finSusp, agent.id]);
    await run(JOUR_J);
    expect(await demandeur(c.id)).toMatchObject({ nom: 'Durand' });
    await run(finSusp);
    expect(await demandeur(c.id)).toMatchObject({ nom: 'Anonyme' });
  });
});

describe('traces (DATA-RETENTION session, lien_verification, courriel_envoye, suspension_motif)', () => {
  it('DATA-RETENTION: each is kept the day before its limit and purged on the day', async () => {
    const c = await compteFerme(db.orm, storage, null, { statut: 'actif' });
    const FIN = new Date('2026-01-10T12:00:00Z');
    await sql(db.orm, `insert into session (id, kind, principal_id, created_at, last_seen_at, expires_at, ip, user_agent) values (?, 'demandeur', ?, ?, ?, ?, '203.0.113.9', 'Firefox')`, [`s-${c.id}`, c.id, FIN, FIN, FIN]);
    await sql(db.orm, `insert into lien_verification (demandeur_id, token_hash, cree_le, expire_le) values (?, ?, ?, ?)`, [c.id, `h${c.id}`.padEnd(64, '0'), FIN, FIN]);
    await sql(
      db.orm,
      `insert into notification (demandeur_id, destinataire, template, sujet, corps, donnees, statut, tentatives, envoyee_le, created_at)
       values (?, 'x@exemple.fr', 'generique', 'Sujet', 'Bonjour Claire Durand', '{"nom":"Durand"}', 'envoyee', 1, ?, ?),
              (?, 'x@exemple.fr', 'generique', 'Sujet', 'Pas encore parti', null, 'a_envoyer', 0, null, ?)`,
      [c.id, FIN, FIN, c.id, FIN],
    );
    const [agent] = await sql<{ id: number }>(db.orm, `insert into agent (email, nom, prenom, role, territoires, password_hash) values (?, 'A', 'B', 'controle_fraude', '{}', 'x') returning id`, [`cf2.${c.id}@als.test`]);
    await sql(db.orm, `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, recidive, cree_par_id) values (?, 'incivilite', ?, ?, 6, 'propos injurieux au téléphone', false, ?)`, [c.id, new Date('2025-07-10T12:00:00Z'), FIN, agent.id]);

    const compter = async () =>
      (
        await sql<{ sessions: number; liens: number; corps: string; attente: string; motif: string }>(
          db.orm,
          `select (select count(*)::int from session where principal_id = ?) as sessions,
                  (select count(*)::int from lien_verification where demandeur_id = ?) as liens,
                  (select corps from notification where demandeur_id = ? and statut = 'envoyee') as corps,
                  (select corps from notification where demandeur_id = ? and statut = 'a_envoyer') as attente,
                  (select motif from suspension where demandeur_id = ?) as motif`,
          [c.id, c.id, c.id, c.id, c.id],
        )
      )[0];
    const plus = (d: { mois?: number; jours?: number }) => {
      const x = new Date(FIN);
      x.setUTCMonth(x.getUTCMonth() + (d.mois ?? 0));
      x.setUTCDate(x.getUTCDate() + (d.jours ?? 0));
      return x;
    };
    await run(plus({ jours: 6 }));
    expect(await compter()).toMatchObject({ sessions: 1, liens: 1 });
    await run(plus({ jours: 7 }));
    expect(await compter()).toMatchObject({ sessions: 1, liens: 0 });
    await run(plus({ mois: 6, jours: -1 }));
    expect(await compter()).toMatchObject({ sessions: 1, corps: 'Bonjour Claire Durand' });
    await run(plus({ mois: 6 }));
    expect(await compter()).toMatchObject({ sessions: 0, corps: CONTENU_EFFACE, attente: 'Pas encore parti', motif: 'propos injurieux au téléphone' });
    await run(plus({ mois: 12, jours: -1 }));
    expect((await compter()).motif).toBe('propos injurieux au téléphone');
    await run(plus({ mois: 12 }));
    expect((await compter()).motif).toBe(CONTENU_EFFACE);
    const [{ donnees }] = await sql<{ donnees: unknown }>(db.orm, `select donnees from notification where demandeur_id = ? and statut = 'envoyee'`, [c.id]);
    expect(donnees).toBeNull();
  });

  it('DATA-RETENTION: the job is scheduled daily and runs through the job definitions with the storage', async () => {
    const t = tache('conservation')!;
    expect(t.cron).toBe('30 3 * * *');
    await expect(t.executer(db.orm.em.fork(), JOUR_J, {} as never)).rejects.toThrow(/stockage/);
    expect(await t.executer(db.orm.em.fork(), JOUR_J, {} as never, { storage })).toMatchObject({ comptesAnonymises: 0 });
  });
});

describe('two processes at once', () => {
  const N = 30;
  let base: BaseDediee;
  beforeAll(async () => {
    base = await baseDediee(inject('adminDatabaseUrl'), 'conservation_deux');
  });
  afterAll(async () => base?.fermer());

  it('DATA-RETENTION: this process and a child process running the job together anonymise each account once and delete every file', async () => {
    const comptes = [];
    for (let i = 0; i < N; i++) comptes.push(await compteFerme(base.orm, storage, F));
    const enfant = spawn('npx', ['tsx', 'test/api/conservation/child-conservation.ts', base.url, dataDir, JOUR_J.toISOString(), '2', '40'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    enfant.stdout.on('data', (b) => (out += String(b)));
    enfant.stderr.on('data', (b) => (err += String(b)));
    const fin = new Promise<number | null>((resolve) => enfant.on('exit', resolve));
    // Start ours when the child is about to start its own.
    const t0 = Date.now();
    while (!out.includes('started')) {
      if (Date.now() - t0 > 60_000) throw new Error(`child did not start: ${err}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const ici = await appliquerConservation(base.orm.em.fork(), JOUR_J, { storage, lot: 2, pauseMs: 40 });
    expect(await fin).toBe(0);
    const la = JSON.parse(out.trim().split('\n').pop()!);
    expect(ici.comptesAnonymises + la.comptesAnonymises).toBe(N);
    // Both did a share of the work (the pauses make them overlap).
    expect(ici.comptesAnonymises).toBeGreaterThan(0);
    expect(la.comptesAnonymises).toBeGreaterThan(0);
    const [x] = await sql<{ anonymes: number; doubles: number }>(
      base.orm,
      `select (select count(*)::int from demandeur where anonymise_le is not null) as anonymes,
              (select count(*)::int from (select entite_id from audit_event where action = 'anonymiser' group by entite_id having count(*) > 1) d) as doubles`,
    );
    expect(x).toEqual({ anonymes: N, doubles: 0 });
    for (const c of comptes) for (const s of c.fichiers) expect(await storage.exists(s)).toBe(false);
    expect(await sql(base.orm, `select * from fichier_a_supprimer`)).toHaveLength(0);
  });
});

describe('closure date (DATA-RETENTION compte_ferme)', () => {
  it('DATA-RETENTION: an account closed by any path gets its closure date, so its period can start', async () => {
    const c = await compteFerme(db.orm, storage, null, { statut: 'actif' });
    await sql(db.orm, `update demandeur set statut_compte = 'ferme' where id = ?`, [c.id]);
    const [{ ferme }] = await sql<{ ferme: boolean }>(db.orm, `select ferme_le is not null as ferme from demandeur where id = ?`, [c.id]);
    expect(ferme).toBe(true);
  });
});

describe('accounts inserted already closed (DATA-RETENTION compte_ferme)', () => {
  it('DATA-RETENTION: without a closure date, the closure of its demande (fermeture_compte) starts the period: the day before kept, the day of anonymised', async () => {
    const c = await compteFerme(db.orm, storage, null);
    await sql(db.orm, `update demande set cloture_le = ? where id = ?`, [F, c.demandeId]);
    const [x] = await sql<{ ferme_le: unknown }>(db.orm, `select ferme_le from demandeur where id = ?`, [c.id]);
    expect(x.ferme_le).toBeNull();
    await run(VEILLE);
    expect(await demandeur(c.id)).toMatchObject({ nom: 'Durand' });
    await run(JOUR_J);
    expect(await demandeur(c.id)).toMatchObject({ nom: 'Anonyme' });
  });
});

describe('free text and fraud evidence at anonymisation (DATA-RETENTION compte_ferme)', () => {
  it('DATA-RETENTION: on the day, the free text written about the person goes (notes, bailleur comment, piece asked or refused, proposition message) and the identity copied into a signal\'s evidence with it; contrôle fraude\'s note and the live account sharing the telephone stay', async () => {
    const c = await compteFerme(db.orm, storage, F);
    const x = await autourDuCompte(db.orm, c, F);
    const lire = async () =>
      (
        await sql<{ notes: string[]; commentaire: string; decision: string; motif: string; piece: string; message: string; refus: string[]; preuves: Record<string, unknown>; cle: string }>(
          db.orm,
          `select (select array_agg(texte order by id) from note where (entite = 'demande' and entite_id = ?) or (entite = 'candidature' and entite_id = ?)) as notes,
                  (select commentaire from bailleur_decision where candidature_id = ?) as commentaire,
                  (select decision || '/' || motif from bailleur_decision where candidature_id = ?) as decision,
                  (select motif from demande_piece where candidature_id = ?) as piece,
                  (select message from proposition where demandeur_id = ?) as message,
                  (select array_agg(distinct motif_refus) from justificatif where demande_id = ?) as refus,
                  (select preuves from signalement where id = ?) as preuves, (select cle from signalement where id = ?) as cle`,
          [c.demandeId, x.candidatureId, x.candidatureId, x.candidatureId, x.candidatureId, c.id, c.demandeId, x.signalementId, x.signalementId],
        )
      )[0];
    await run(VEILLE);
    const avant = await lire();
    expect(avant.notes[0]).toContain('Durand');
    expect(JSON.stringify(avant.preuves)).toContain('claire.');

    await run(JOUR_J);
    const apres = await lire();
    expect(apres).toMatchObject({
      notes: [CONTENU_EFFACE, 'Soupçon : même avis que M. X'], // contrôle fraude's: constat_fraude, its own period
      commentaire: CONTENU_EFFACE, decision: 'non_retenue/autre', piece: CONTENU_EFFACE, message: CONTENU_EFFACE, refus: [CONTENU_EFFACE],
    });
    const comptes = apres.preuves.comptes as Record<string, unknown>[];
    expect(comptes.find((k) => k.id === c.id)).toMatchObject({ nom: 'Anonyme', prenom: 'Anonyme', email: null, telephone: null, dateNaissance: null, civilite: null });
    expect(comptes.find((k) => k.id === x.vivantId)).toMatchObject({ nom: 'Martin', telephone: '0612345678' });
    expect(apres.preuves.telephone).toBe(CONTENU_EFFACE);
    const texte = JSON.stringify(apres.preuves);
    for (const s of ['Durand', 'Claire', 'claire.', '1990-02-03']) expect(texte).not.toContain(s);
    expect(apres.cle).toMatch(/^telephone_partage:e:[0-9a-f]{64}$/);
    // The fraud job computing the same group again does not raise it a second time.
    const em = db.orm.em.fork();
    expect(await enregistrerSignalements(em, [{ type: 'telephone_partage', cle: avant.cle, score: 40, preuves: {}, demandeurIds: [c.id, x.vivantId] }], JOUR_J)).toEqual([]);
  });
});

describe('fraud findings, bailleurs\' addresses, failed mails (DATA-RETENTION signalement_infirme, constat_fraude, ip_bailleur, courriel_envoye)', () => {
  it('DATA-RETENTION: each is kept the day before its limit and erased on the day (dismissed signal 1 month, fraud finding 5 years, bailleur IP 6 months, failed mail 6 months)', async () => {
    const T = new Date('2027-02-10T09:00:00Z');
    const c = await compteFerme(db.orm, storage, null, { statut: 'actif' });
    const x = await autourDuCompte(db.orm, c, T);
    const [cf] = await sql<{ id: number }>(db.orm, `select agent_id as id from note where entite = 'candidature' and entite_id = ?`, [x.candidatureId]);
    await sql(db.orm, `update signalement set statut = 'infirme', conclusion = 'Colocataires, rien à voir', updated_at = ? where id = ?`, [T, x.signalementId]);
    const [conf] = await sql<{ id: number }>(
      db.orm,
      `insert into signalement (type, cle, score, preuves, demandeur_ids, statut, conclusion, created_at, updated_at)
       values ('metadonnees_pdf', ?, 60, '{"nomOriginal":"avis Claire Durand.pdf"}', ?::int[], 'confirme', 'Avis retouché par Mme Durand', ?, ?) returning id`,
      [`metadonnees_pdf:j${c.id}:${c.id}`, `{${c.id}}`, T, T],
    );
    await sql(db.orm, `update justificatif set statut = 'falsifie', motif_falsification = 'Montant modifié', verifie_par_id = ?, verifie_le = ? where id = (select min(id) from justificatif where demande_id = ?)`, [cf.id, T, c.demandeId]);
    await sql(
      db.orm,
      `insert into notification (demandeur_id, destinataire, template, sujet, corps, statut, tentatives, erreur, created_at) values (?, 'x@exemple.fr', 'generique', 'Sujet', 'Bonjour Claire Durand', 'echec', 5, '550', ?)`,
      [c.id, T],
    );
    const lire = async () =>
      (
        await sql<{ infirme: Record<string, unknown>; conclusion_i: string; cle_i: string; confirme: Record<string, unknown>; conclusion_c: string; falsification: string; note_cf: string; ip_acces: string | null; ip_decision: string | null; echec: string }>(
          db.orm,
          `select (select preuves from signalement where id = ?) as infirme, (select conclusion from signalement where id = ?) as conclusion_i,
                  (select cle from signalement where id = ?) as cle_i,
                  (select preuves from signalement where id = ?) as confirme, (select conclusion from signalement where id = ?) as conclusion_c,
                  (select motif_falsification from justificatif where demande_id = ? and statut = 'falsifie') as falsification,
                  (select texte from note where entite = 'candidature' and entite_id = ?) as note_cf,
                  (select ip from bailleur_acces where candidature_id = ?) as ip_acces, (select ip from bailleur_decision where candidature_id = ?) as ip_decision,
                  (select corps from notification where demandeur_id = ? and statut = 'echec') as echec`,
          [x.signalementId, x.signalementId, x.signalementId, conf.id, conf.id, c.demandeId, x.candidatureId, x.candidatureId, x.candidatureId, c.id],
        )
      )[0];
    const plus = (mois: number, jours = 0) => {
      const d = new Date(T);
      d.setUTCMonth(d.getUTCMonth() + mois);
      d.setUTCDate(d.getUTCDate() + jours);
      return d;
    };
    await run(plus(1, -1));
    expect(await lire()).toMatchObject({ conclusion_i: 'Colocataires, rien à voir', cle_i: expect.stringContaining('0612345678') });
    expect((await lire()).infirme.telephone).toBe('0612345678');
    await run(plus(1));
    expect(await lire()).toMatchObject({ infirme: { efface: CONTENU_EFFACE }, conclusion_i: CONTENU_EFFACE, cle_i: expect.stringMatching(/^telephone_partage:e:[0-9a-f]{64}$/), conclusion_c: 'Avis retouché par Mme Durand' });
    await run(plus(6, -1));
    expect(await lire()).toMatchObject({ ip_acces: '198.51.100.7', ip_decision: '198.51.100.7', echec: 'Bonjour Claire Durand' });
    await run(plus(6));
    expect(await lire()).toMatchObject({ ip_acces: null, ip_decision: null, echec: CONTENU_EFFACE, falsification: 'Montant modifié' });
    await run(plus(60, -1));
    expect(await lire()).toMatchObject({ conclusion_c: 'Avis retouché par Mme Durand', falsification: 'Montant modifié', note_cf: 'Soupçon : même avis que M. X' });
    const r = await run(plus(60));
    expect(r.constatsFraudeEffaces).toBeGreaterThanOrEqual(3);
    expect(await lire()).toMatchObject({ confirme: { efface: CONTENU_EFFACE }, conclusion_c: CONTENU_EFFACE, falsification: CONTENU_EFFACE, note_cf: CONTENU_EFFACE });
    const [{ n }] = await sql<{ n: number }>(db.orm, `select count(*)::int as n from audit_event where entite = 'signalement' and entite_id = ? and action = 'effacer_preuves'`, [conf.id]);
    expect(n).toBe(1);
  });
});

describe('statistics after anonymisation (R-STATS, DATA-RETENTION compte_ferme)', () => {
  it('R-STATS: the managers\' statistics count an anonymised account\'s candidatures, designation delay, suspension and entreprise the same as before', async () => {
    const FERME = new Date('2025-05-20T10:00:00Z');
    const c = await compteFerme(db.orm, storage, FERME);
    const x = await autourDuCompte(db.orm, c, new Date('2025-02-01T10:00:00Z'));
    const [e] = await sql<{ id: number }>(db.orm, `insert into entreprise (siret, raison_sociale, contribution) values ('12345678900011', 'Stat SA', 'pseec') returning id`);
    await sql(db.orm, `update demande set entreprise_id = ? where id = ?`, [e.id, c.demandeId]);
    await sql(db.orm, `update candidature set designee_le = '2025-02-20T10:00:00Z' where id = ?`, [x.candidatureId]);
    const [cf] = await sql<{ id: number }>(db.orm, `insert into agent (email, nom, prenom, role, territoires, password_hash) values (?, 'S', 'T', 'controle_fraude', '{}', 'x') returning id`, [`stat.${c.id}@als.test`]);
    await sql(db.orm, `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, recidive, cree_par_id) values (?, 'fraude', '2025-03-01T10:00:00Z', '2025-04-01T10:00:00Z', 1, 'faux', false, ?)`, [c.id, cf.id]);
    const ANONYMISATION = new Date('2026-05-20T10:00:00Z');
    const periode = { from: '2025-01-01', to: '2025-12-31' };
    const stats = async () => {
      const { genereLe: _, ...s } = await calculerStatistiques(lecture(db.orm.em.fork()), ANONYMISATION, periode);
      return s;
    };
    const avant = await stats();
    expect(avant.delaiDesignation.n).toBeGreaterThanOrEqual(1);
    expect(avant.suspensionsParMois.find((m) => m.mois === '2025-03')!.n).toBeGreaterThanOrEqual(1);
    await run(ANONYMISATION);
    expect(await demandeur(c.id)).toMatchObject({ nom: 'Anonyme' });
    expect(await stats()).toEqual(avant);
  });
});
