import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { MikroORM } from '@mikro-orm/postgresql';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ajouterJours } from '@shared/rules/calendrier';
import { envoyer } from '@server/modules/bailleurs/envoyer';
import { relancerBailleurs, type ResumeRelances } from '@server/modules/bailleurs/relances';
import { dossier, socle, type Socle } from '@test/api/jobs/fixtures';
import { baseDediee, sql, type BaseDediee } from '@test/api/jobs/support';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { bailleurEtOffre, envoyer as envoyerHttp, q, transmise } from './fixtures';

const SECRET = 'secret-de-test-des-relances-bailleurs-32+';

const JOUR = 86_400_000;

describe('reminders on two processes at once', () => {
  let db: BaseDediee;
  beforeAll(async () => {
    db = await baseDediee(inject('adminDatabaseUrl'), 'relances');
  });
  afterAll(async () => db?.fermer());

  /** `n` transmitted candidatures of the bailleur of `s`, sent together at `le`. */
  async function envoyees(s: Socle, n: number, le: Date) {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push(...(await dossier(db.orm, s, le, ['transmise_bailleur'])).candidatureIds);
    await sql(db.orm, `update candidature set designee_le = ? where id = any(?::int[])`, [le, `{${ids.join(',')}}`]);
    await db.orm.em.fork().transactional((tx) => envoyer(tx, { origine: 'offre', bailleurId: s.bailleurId, candidatureIds: ids, agentId: s.agentId, strict: true, secret: SECRET }, le));
    return ids;
  }

  /** The job in a child process (started once, waiting on stdin), and twice in this one, released together. */
  let child: ChildProcessWithoutNullStreams;
  let autre: MikroORM;
  let sortie = '';
  let erreurs = '';
  beforeAll(async () => {
    child = spawn('npx', ['tsx', 'test/api/bailleurs/child-relances.ts', db.url], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdout.on('data', (b) => (sortie += String(b)));
    child.stderr.on('data', (b) => (erreurs += String(b)));
    await attendre(() => sortie.includes('pret'), () => `the child did not start: ${erreurs}`);
    autre = await db.autreOrm();
  });
  afterAll(async () => {
    child?.stdin.end('\n');
    if (child && child.exitCode === null) await new Promise((r) => child.once('exit', r));
  });
  async function attendre(ok: () => boolean, message: () => string) {
    const t0 = Date.now();
    while (!ok()) {
      if (Date.now() - t0 > 90_000 || child.exitCode !== null) throw new Error(message());
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async function troisEnsemble(now: Date): Promise<ResumeRelances[]> {
    const lignes = sortie.split('\n').length;
    child.stdin.write(`${now.toISOString()}\n`);
    const ici = await Promise.all([relancerBailleurs(db.orm.em.fork(), now, { jours: 10, secret: SECRET }), relancerBailleurs(autre.em.fork(), now, { jours: 10, secret: SECRET })]);
    await attendre(() => sortie.split('\n').length > lignes, () => `no answer from the child: ${erreurs}`);
    return [...ici, JSON.parse(sortie.trim().split('\n').pop()!) as ResumeRelances];
  }

  it('R-BAIL-RELANCE: three runs at once (a child process and two pools here), 6 rounds → each due candidature reminded once, each bailleur one mail', async () => {
    let recents: number[] = [];
    for (let round = 0; round < 6; round++) {
      await sql(db.orm, `update candidature set statut = 'attribuee' where id = any(?::int[])`, [`{${recents.join(',')}}`]);
      const t0 = new Date(Date.UTC(2026, 0, 5) + round * 40 * JOUR);
      const socles = [await socle(db.orm, 2), await socle(db.orm, 2), await socle(db.orm, 2)];
      const dues: number[] = [];
      recents = [];
      for (const s of socles) {
        dues.push(...(await envoyees(s, 3, t0)));
        recents.push(...(await envoyees(s, 1, ajouterJours(t0, 5))));
      }
      // Ten Paris calendar days (one round crosses the spring DST change): a minute before, nothing is due.
      const avant = await relancerBailleurs(db.orm.em.fork(), new Date(ajouterJours(t0, 10).getTime() - 60_000), { jours: 10, secret: SECRET });
      expect(avant).toEqual({ bailleursRelances: 0, candidaturesRelancees: 0 });

      const now = ajouterJours(t0, 10);
      const resumes = await troisEnsemble(now);
      expect(resumes.reduce((n, r) => n + r.candidaturesRelancees, 0)).toBe(dues.length);
      expect(resumes.reduce((n, r) => n + r.bailleursRelances, 0)).toBe(socles.length);
      const relancees = await sql<{ candidature_id: number }>(db.orm, `select candidature_id from bailleur_relance where relance_le = ? order by 1`, [now]);
      expect(relancees.map((r) => r.candidature_id)).toEqual([...dues].sort((a, b) => a - b));
      for (const s of socles) {
        const [{ n }] = await sql<{ n: number }>(db.orm,
          `select count(*)::int as n from notification m join bailleur_envoi e on e.id = m.entite_id and m.entite = 'bailleur_envoi'
            where e.bailleur_id = ? and m.template = 'bailleur_relance'`, [s.bailleurId]);
        expect(n).toBe(1);
      }
      // The reminder is an envoi of its own, with a new link, sent by the system.
      const [e] = await sql<{ origine: string; agent_id: number | null; liens: number }>(db.orm,
        `select e.origine, e.agent_id, (select count(*)::int from bailleur_lien l where l.envoi_id = e.id) as liens from bailleur_envoi e where e.origine = 'relance' and e.envoye_le = ? limit 1`, [now]);
      expect(e).toEqual({ origine: 'relance', agent_id: null, liens: 1 });
      expect(await relancerBailleurs(db.orm.em.fork(), ajouterJours(now, 20), { jours: 10, secret: SECRET })).toEqual({ bailleursRelances: socles.length, candidaturesRelancees: recents.length });
    }
    const [{ doubles }] = await sql<{ doubles: number }>(db.orm,
      `select count(*)::int as doubles from (select candidature_id from bailleur_envoi_candidature ec join bailleur_envoi e on e.id = ec.envoi_id where e.origine = 'relance' group by 1 having count(*) > 1) x`);
    expect(doubles).toBe(0);
  });

  it('R-BAIL-RELANCE: a candidature designated but never sent through the platform is reminded too: the reminder is its first envoi (a link, one mail), once', async () => {
    const designee = new Date(Date.UTC(2027, 2, 1, 9));
    const s = await socle(db.orm, 1);
    const { candidatureIds } = await dossier(db.orm, s, designee, ['transmise_bailleur']);
    await sql(db.orm, `update candidature set designee_le = ? where id = any(?::int[])`, [designee, `{${candidatureIds.join(',')}}`]);
    const sansContact = await socle(db.orm, 1);
    const orphelin = await dossier(db.orm, sansContact, designee, ['transmise_bailleur']);
    await sql(db.orm, `update candidature set designee_le = ? where id = any(?::int[])`, [designee, `{${orphelin.candidatureIds.join(',')}}`]);
    await sql(db.orm, `update bailleur set email = '' where id = ?`, [sansContact.bailleurId]);

    expect(await relancerBailleurs(db.orm.em.fork(), new Date(ajouterJours(designee, 10).getTime() - 60_000), { jours: 10, secret: SECRET }))
      .toEqual({ bailleursRelances: 0, candidaturesRelancees: 0 });
    const now = ajouterJours(designee, 10);
    // The bailleur without a contact address is skipped, not an error that stops the others.
    expect(await relancerBailleurs(db.orm.em.fork(), now, { jours: 10, secret: SECRET })).toEqual({ bailleursRelances: 1, candidaturesRelancees: 1 });
    const envois = await sql<{ id: number; origine: string; liens: number; candidatures: number[] }>(db.orm,
      `select e.id, e.origine, (select count(*)::int from bailleur_lien l where l.envoi_id = e.id) as liens,
              array(select ec.candidature_id from bailleur_envoi_candidature ec where ec.envoi_id = e.id) as candidatures
         from bailleur_envoi e where e.bailleur_id = ?`, [s.bailleurId]);
    expect(envois).toEqual([{ id: envois[0].id, origine: 'relance', liens: 1, candidatures: candidatureIds }]);
    const mails = await sql<{ template: string; jeton_chiffre: string | null }>(db.orm,
      `select template, jeton_chiffre from notification where entite = 'bailleur_envoi' and entite_id = ?`, [envois[0].id]);
    expect(mails).toHaveLength(1);
    expect(mails[0].template).toBe('bailleur_relance');
    expect(mails[0].jeton_chiffre).toBeTruthy(); // the link goes out with the mail
    expect(await relancerBailleurs(db.orm.em.fork(), ajouterJours(now, 30), { jours: 10, secret: SECRET })).toEqual({ bailleursRelances: 0, candidaturesRelancees: 0 });
  });
});

describe('« Sans réponse du bailleur » tab', () => {
  const t = useTestApp();
  let conseiller: string;
  beforeAll(async () => {
    const a = await createAgent(t.orm, 'conseiller', ['69'], 'sans-reponse');
    conseiller = await login(t.app, a.email, a.password);
  });

  it('R-BAIL-RELANCE: a candidature first sent BAILLEUR_RELANCE_JOURS days ago without an answer is in the tab and its count (sent again since or not); a recent one is not', async () => {
    const b = await bailleurEtOffre(t.orm);
    const vieille = await transmise(t.orm, b.offreId, new Date(t.clock.now().getTime() - 30 * JOUR));
    const recente = await transmise(t.orm, b.offreId, new Date(t.clock.now().getTime() - 30 * JOUR));
    const debut = t.clock.now();
    try {
      t.clock.set(new Date(debut.getTime() - 12 * JOUR));
      expect((await envoyerHttp(t.app, conseiller, `candidatures/${vieille.candidatureId}`)).status).toBe(201);
      t.clock.set(new Date(debut.getTime() - 3 * JOUR));
      expect((await envoyerHttp(t.app, conseiller, `candidatures/${recente.candidatureId}`)).status).toBe(201);
      // Sent again yesterday: the wait still runs from the first envoi (stored by the trigger, earliest wins).
      t.clock.set(new Date(debut.getTime() - 1 * JOUR));
      expect((await envoyerHttp(t.app, conseiller, `candidatures/${vieille.candidatureId}`)).status).toBe(201);
      t.clock.set(debut);
      const onglet = (o: string) => request(t.app).get(`/api/candidatures?filter=${encodeURIComponent(JSON.stringify({ onglet: o, offreId: b.offreId }))}`).set(bearer(conseiller));
      const r = await onglet('sans_reponse_bailleur');
      expect(r.status).toBe(200);
      expect(r.body.map((c: { id: number }) => c.id)).toEqual([vieille.candidatureId]);
      expect(r.body[0].envoyeeBailleurLe).toBe(new Date(debut.getTime() - 12 * JOUR).toISOString());
      expect((await onglet('transmises')).body).toHaveLength(2);
      const compteurs = await request(t.app).get('/api/candidatures/compteurs').set(bearer(conseiller));
      expect(compteurs.body.sans_reponse_bailleur).toBeGreaterThanOrEqual(1);
      process.env.BAILLEUR_RELANCE_JOURS = '3';
      expect((await onglet('sans_reponse_bailleur')).body).toHaveLength(2);
    } finally {
      delete process.env.BAILLEUR_RELANCE_JOURS;
      t.clock.set(debut);
    }
    await q(t.orm, `update candidature set statut = 'attribuee' where id = any(?::int[])`, [`{${vieille.candidatureId},${recente.candidatureId}}`]);
  });
});
