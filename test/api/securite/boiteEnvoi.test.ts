import { spawn } from 'node:child_process';
import http from 'node:http';
import request from 'supertest';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '@server/config';
import { livrerNotifications, type Expediteur } from '@server/modules/notifications/livraison';
import { bearer, login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { q } from '@test/api/portail/fixtures';

const t = useTestApp();
const tokens: Record<string, string> = {};
beforeAll(async () => {
  for (const role of ['admin', 'controle_fraude'] as const) {
    const a = await createAgent(t.orm, role);
    tokens[role] = await login(t.app, a.email, a.password);
  }
});
let k = 0;
const adresse = () => `secret.${process.pid}.${++k}@exemple.fr`;
const inscrire = (email: string) =>
  request(t.app).post('/api/portail/comptes').send({ civilite: 'Mme', nom: 'Secret', prenom: 'Lina', email, motDePasse: 'une phrase de passe assez longue' });

describe('SEC-SECRET: the verification link is never stored in the outbox', () => {
  it('the row holds « [lien masqué] » and the link id; the SMTP delivery puts the real link in the mail, which verifies the account', async () => {
    const email = adresse();
    expect((await inscrire(email)).status).toBe(201);
    const [n] = await q<{ id: number; corps: string; donnees: Record<string, unknown>; statut: string }>(t.orm, `select id, corps, donnees, statut from notification where destinataire = ? and template = 'compte_verification'`, [email]);
    expect(n.corps).toContain('[lien masqué]');
    expect(n.corps).not.toMatch(/token=|Code de vérification : (?!\[lien masqué\])/);
    expect(Object.keys(n.donnees)).not.toContain('jeton');
    expect(n.donnees.token).toBe('[lien masqué]');
    const envoyes: { to: string; text: string; html: string }[] = [];
    const expediteur: Expediteur = { sendMail: async (m) => void envoyes.push(m) };
    await q(t.orm, `update notification set prochain_essai = ? where statut = 'a_envoyer' and id <> ?`, [new Date(t.clock.now().getTime() + 3600_000), n.id]);
    await livrerNotifications(t.orm.em.fork(), t.clock.now(), {
      expediteur, from: 'x@als.example', domaine: 'als.example', parMinute: 100, maxTentatives: 3, bailMs: 60_000, lot: 10, dureeMaxMs: 5000, secret: loadConfig({}).secret,
    });
    const mail = envoyes.find((m) => m.to === email)!;
    const jeton = /verifier-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    expect(mail.text).toContain(`Code de vérification : ${jeton}`);
    expect(mail.html).toContain(jeton);
    const [apres] = await q<{ corps: string; statut: string; donnees: unknown }>(t.orm, `select corps, statut, donnees from notification where id = ?`, [n.id]);
    expect(apres.statut).toBe('envoyee');
    expect(JSON.stringify(apres)).not.toContain(jeton);
    const [lien] = await q<{ token_hash: string }>(t.orm, `select token_hash from lien_verification l join demandeur d on d.id = l.demandeur_id where d.email = ?`, [email]);
    expect(lien.token_hash).not.toContain(jeton);
    expect((await request(t.app).post('/api/portail/comptes/verifier').send({ token: jeton })).status).toBe(200);
  });
});

describe('SEC-BOITE: the outbox shows admins recipient, template and status, the body only to contrôle fraude', () => {
  it('admin: no subject, no text, and no search in them; contrôle fraude reads them (masked link)', async () => {
    const email = adresse();
    await inscrire(email);
    const [n] = await q<{ id: number }>(t.orm, `select id from notification where destinataire = ?`, [email]);
    const admin = await request(t.app).get(`/api/notifications/${n.id}`).set(bearer(tokens.admin));
    expect(admin.status).toBe(200);
    expect(admin.body).toMatchObject({ destinataire: email, template: 'compte_verification', statut: 'a_envoyer' });
    expect(admin.body).not.toHaveProperty('corps');
    expect(admin.body).not.toHaveProperty('sujet');
    const liste = await request(t.app).get(`/api/notifications?filter=${encodeURIComponent(JSON.stringify({ destinataire: email }))}`).set(bearer(tokens.admin));
    expect(liste.body[0]).not.toHaveProperty('corps');
    const recherche = await request(t.app).get(`/api/notifications?filter=${encodeURIComponent(JSON.stringify({ q: 'Vérifiez' }))}`).set(bearer(tokens.admin));
    expect(recherche.body).toEqual([]);
    const fraude = await request(t.app).get(`/api/notifications/${n.id}`).set(bearer(tokens.controle_fraude));
    expect(fraude.status).toBe(200);
    expect(fraude.body.corps).toContain('[lien masqué]');
  });
});

describe('SEC-RENVOI: resending a link takes the same time for an unknown address and a pending account', () => {
  it('50 pairs measured from another process: the median of the paired differences is under 3 ms (or a quarter of the time)', async () => {
    const pendants: string[] = [];
    for (let i = 0; i < 50; i++) {
      const email = `pendant.${process.pid}.${i}.${Date.now()}@exemple.fr`;
      await q(t.orm, `insert into demandeur (civilite, nom, prenom, email, statut_compte, password_hash, created_at) values ('M', 'Pendant', 'Paul', ?, 'a_verifier', 'x', now())`, [email]);
      pendants.push(email);
    }
    // The server in its own process: its work after the answer must not slow the client's reading (as in the field).
    const port = 3390;
    const enfant = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'test/support/serveurEnfant.ts'], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), DATA_DIR: inject('dataDir'), PORT: String(port), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((ok, ko) => {
        enfant.stdout!.on('data', (d) => String(d).includes('pret') && ok());
        enfant.once('exit', (c) => ko(new Error(`serveur arrêté (${c})`)));
      });
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const poster = (email: string) =>
        new Promise<number>((ok, ko) => {
          const t0 = performance.now();
          const corps = JSON.stringify({ email });
          const r = http.request({ host: '127.0.0.1', port, path: '/api/portail/comptes/renvoyer-lien', method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(corps) } }, (res) => {
            res.resume();
            res.on('end', () => (res.statusCode === 202 ? ok(performance.now() - t0) : ko(new Error(String(res.statusCode)))));
          });
          r.on('error', ko);
          r.end(corps);
        });
      const pause = () => new Promise((r) => setTimeout(r, 20)); // the work after an answer ends before the next measure
      for (let i = 0; i < 5; i++) await poster(`chauffe${i}@exemple.fr`).then(pause);
      // Paired measures (adjacent requests share the machine's load), in a random order within each pair.
      const inconnus: number[] = [];
      const attente: number[] = [];
      const ecarts: number[] = [];
      for (let i = 0; i < 50; i++) {
        const inconnu = `inconnu.${process.pid}.${i}@exemple.fr`;
        const enPremier = Math.random() < 0.5;
        const a = enPremier ? await poster(pendants[i]) : 0;
        if (enPremier) await pause();
        const b = await poster(inconnu);
        await pause();
        const c = enPremier ? a : await poster(pendants[i]);
        if (!enPremier) await pause();
        attente.push(c);
        inconnus.push(b);
        ecarts.push(c - b);
      }
      agent.destroy();
      const mediane = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
      const [mi, ma, ecart] = [mediane(inconnus), mediane(attente), mediane(ecarts)];
      const texte = `médianes : adresse inconnue ${mi.toFixed(2)} ms, compte en attente ${ma.toFixed(2)} ms, écart apparié ${ecart.toFixed(2)} ms`;
      console.info(`SEC-RENVOI ${texte}`);
      // Before the fix the pending path did its work before answering: +10 ms on an idle machine, +50 ms on a loaded one.
      expect(Math.abs(ecart), texte).toBeLessThan(Math.max(3, 0.25 * mi));
    } finally {
      enfant.kill('SIGTERM');
    }
    // The links were issued all the same (after the answers).
    const compte = async () => (await q<{ n: number }>(t.orm, `select count(*)::int as n from lien_verification l join demandeur d on d.id = l.demandeur_id where d.email like 'pendant.${process.pid}.%'`))[0].n;
    for (let i = 0; i < 40 && (await compte()) < 50; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await compte()).toBe(50);
  }, 90_000);
});
