import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadJobsConfig } from '@server/jobs/config';
import { tache } from '@server/jobs/definitions';
import { livrerNotifications, reserver, type OptionsLivraison } from '@server/modules/notifications/livraison';
import { notifier } from '@server/modules/notifications/outbox';
import { lienBailleur } from '@server/modules/bailleurs/envoyer';
import { chiffrerJeton, nouveauJeton } from '@server/modules/bailleurs/jeton';
import { LIEN_MASQUE } from '@server/modules/comptes/liens';
import { decoderMots, entetes, partie } from './mime';
import { baseDediee, sql, type BaseDediee } from './support';

interface Recu {
  de: string;
  a: string[];
  brut: string;
}

let db: BaseDediee;
let smtp: SMTPServer;
let port = 0;
let recus: Recu[] = [];
const T = new Date('2026-11-02T09:00:00Z');

const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
const options = (o: Partial<OptionsLivraison> = {}): OptionsLivraison => ({
  expediteur: transport(),
  from: 'Action Logement Services <ne-pas-repondre@als.example>',
  domaine: 'als.example',
  parMinute: 1000,
  maxTentatives: 3,
  bailMs: 5 * 60_000,
  lot: 10,
  dureeMaxMs: 20_000,
  secret: 'secret-de-test-assez-long-pour-hmac-32+',
  ...o,
});

async function ecrire(destinataire: string, template = 'inactivite_relance', now = T): Promise<number> {
  const em = db.orm.em.fork();
  let id = 0;
  await em.transactional(async (tx) => {
    const n = notifier(tx, {
      demandeurId: null, destinataire, template, now,
      donnees: { civilite: 'Mme', prenom: 'Élodie', nom: 'Lefèvre', demande: 'DEM-2026-000042', dateCloture: '10/05/2026' },
    });
    await tx.flush();
    id = n.id;
  });
  return id;
}
const ligne = async (id: number) =>
  (await sql<{ statut: string; tentatives: number; canal: string | null; message_id: string | null; erreur: string | null; prochain_essai: string | null }>(
    db.orm, `select statut, tentatives, canal, message_id, erreur, prochain_essai from notification where id = ?`, [id],
  ))[0];
const messageIds = () => recus.map((r) => entetes(r.brut)['message-id']);

beforeAll(async () => {
  db = await baseDediee(inject('adminDatabaseUrl'), 'envoi');
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      const code = address.address.startsWith('temporaire') ? 451 : address.address.startsWith('refus') ? 550 : 0;
      if (!code) return cb();
      cb(Object.assign(new Error(code === 451 ? 'Boîte momentanément indisponible' : 'Adresse inconnue'), { responseCode: code }));
    },
    onData(stream, session, cb) {
      let brut = '';
      stream.on('data', (b: Buffer) => (brut += b.toString('utf8')));
      stream.on('end', () => {
        recus.push({ de: String(session.envelope.mailFrom && session.envelope.mailFrom.address), a: session.envelope.rcptTo.map((r) => r.address), brut });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await db?.fermer();
});
beforeEach(async () => {
  recus = [];
  await sql(db.orm, `delete from notification`);
});

describe('outbox delivery', () => {
  it('§11.27: a real SMTP round trip — right subject, French body, HTML alternative, stable Message-ID', async () => {
    const id = await ecrire('elodie.lefevre@exemple.test');
    const cfg = { ...loadJobsConfig({}), smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true` };
    const resume = await tache('envoi-notifications')!.executer(db.orm.em.fork(), T, cfg);
    expect(resume).toMatchObject({ envoyees: 1, echecs: 0 });
    expect(recus).toHaveLength(1);
    const [m] = recus;
    expect(m.a).toEqual(['elodie.lefevre@exemple.test']);
    expect(m.de).toBe('ne-pas-repondre@als.example');
    const h = entetes(m.brut);
    expect(decoderMots(h.subject)).toBe('Rappel : votre demande de logement sera clôturée dans 3 jours');
    expect(h['message-id']).toBe(`<notification-${id}@als.example>`);
    expect(h['x-als-notification']).toBe(String(id));
    const texte = partie(m.brut, 'text/plain')!;
    expect(texte).toContain('Bonjour Mme Élodie Lefèvre,');
    expect(texte).toContain('votre demande de logement DEM-2026-000042 et vos candidatures en cours seront automatiquement clôturées à partir du 10/05/2026');
    const html = partie(m.brut, 'text/html')!;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('automatiquement clôturées à partir du 10/05/2026');
    expect(await ligne(id)).toMatchObject({ statut: 'envoyee', canal: 'smtp', tentatives: 1, message_id: `<notification-${id}@als.example>`, erreur: null });
  });

  it('R-BAIL-LIEN: a bailleur\'s mail is stored with « [lien masqué] » and its token encrypted, sent with its real link, then the ciphertext is wiped', async () => {
    const cfg = { ...loadJobsConfig({}), smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`, secret: 'secret-de-test-assez-long-pour-hmac-32+' };
    const jeton = nouveauJeton();
    const em = db.orm.em.fork();
    const ecrireBailleur = async (jetonChiffre?: string) => {
      let id = 0;
      await em.fork().transactional(async (tx) => {
        const n = notifier(tx, {
          demandeurId: null, destinataire: 'attributions@bailleur.test', template: 'bailleur_envoi', now: T, jetonChiffre,
          donnees: { bailleur: 'Habitat Test', nombre: 2, offres: 'l’offre OFF-2026-0001', lienBailleurId: 4242, lien: LIEN_MASQUE, expireLe: '16/11/2026 10:00' },
        });
        await tx.flush();
        id = n.id;
      });
      return id;
    };
    const id = await ecrireBailleur(chiffrerJeton(cfg.secret, jeton, 4242));
    const [stocke] = await sql<Record<string, unknown>>(db.orm, `select * from notification where id = ?`, [id]);
    expect(stocke.corps).toContain(LIEN_MASQUE);
    expect(stocke.jeton_chiffre).toBeTruthy();
    expect(JSON.stringify(stocke)).not.toContain(jeton);
    expect(await tache('envoi-notifications')!.executer(db.orm.em.fork(), T, cfg)).toMatchObject({ envoyees: 1, echecs: 0 });
    const texte = partie(recus[0].brut, 'text/plain')!;
    expect(texte).toContain(lienBailleur(jeton));
    expect(texte).not.toContain(LIEN_MASQUE);
    const [apres] = await sql<Record<string, unknown>>(db.orm, `select * from notification where id = ?`, [id]);
    expect(apres).toMatchObject({ statut: 'envoyee', jeton_chiffre: null });
    expect(JSON.stringify(apres)).not.toContain(jeton);

    // A bailleur's mail whose token is gone, or was encrypted under another secret, fails for good (no mail without its link).
    recus = [];
    const sans = await ecrireBailleur();
    const autre = await ecrireBailleur(chiffrerJeton('un-autre-secret-de-serveur-de-32-caracteres', jeton, 4242));
    expect(await tache('envoi-notifications')!.executer(db.orm.em.fork(), T, cfg)).toMatchObject({ envoyees: 0, echecs: 2 });
    expect(recus).toHaveLength(0);
    expect((await ligne(sans)).erreur).toMatch(/Lien du bailleur indisponible/);
    expect((await ligne(autre)).erreur).toMatch(/Lien du bailleur illisible/);
  });

  it('§11.27: a temporary refusal is retried with exponential backoff, then echec after the last attempt; a permanent one fails at once', async () => {
    const temp = await ecrire('temporaire@exemple.test');
    const perm = await ecrire('refus@exemple.test');
    await livrerNotifications(db.orm.em.fork(), T, options());
    expect(await ligne(perm)).toMatchObject({ statut: 'echec', tentatives: 1 });
    expect((await ligne(perm)).erreur).toContain('550');
    const a = await ligne(temp);
    expect(a).toMatchObject({ statut: 'a_envoyer', tentatives: 1 });
    expect(a.erreur).toContain('451');
    expect(new Date(a.prochain_essai!)).toEqual(new Date(T.getTime() + 2 * 60_000));
    // Not due yet one minute later.
    await livrerNotifications(db.orm.em.fork(), new Date(T.getTime() + 60_000), options());
    expect((await ligne(temp)).tentatives).toBe(1);
    const t2 = new Date(T.getTime() + 2 * 60_000);
    await livrerNotifications(db.orm.em.fork(), t2, options());
    expect(await ligne(temp)).toMatchObject({ statut: 'a_envoyer', tentatives: 2 });
    expect(new Date((await ligne(temp)).prochain_essai!)).toEqual(new Date(t2.getTime() + 4 * 60_000));
    await livrerNotifications(db.orm.em.fork(), new Date(t2.getTime() + 4 * 60_000), options());
    expect(await ligne(temp)).toMatchObject({ statut: 'echec', tentatives: 3 });
    expect(recus).toHaveLength(0);
  });

  it('§11.27: a crash between sending and marking leaves a lease; after it the mail goes again with the same Message-ID (at-least-once)', async () => {
    const id = await ecrire('alice@exemple.test');
    // A worker claims the row and sends it, then dies before marking it sent.
    const { lignes } = await reserver(db.orm.em.fork(), T, options());
    expect(lignes.map((l) => l.id)).toEqual([id]);
    await transport().sendMail({ from: 'x@als.example', to: lignes[0].destinataire, subject: lignes[0].sujet, text: lignes[0].corps, messageId: lignes[0].message_id });
    expect(await ligne(id)).toMatchObject({ statut: 'envoi_en_cours' });
    // While the lease runs, no other worker takes it.
    await livrerNotifications(db.orm.em.fork(), new Date(T.getTime() + 5 * 60_000 - 1000), options());
    expect(recus).toHaveLength(1);
    await livrerNotifications(db.orm.em.fork(), new Date(T.getTime() + 5 * 60_000), options());
    expect(recus).toHaveLength(2);
    expect(messageIds()).toEqual([`<notification-${id}@als.example>`, `<notification-${id}@als.example>`]);
    expect(await ligne(id)).toMatchObject({ statut: 'envoyee', tentatives: 2 });
  });

  it('§11.27: MAIL_RATE_PER_MINUTE caps the sends per minute across runs', async () => {
    for (let i = 0; i < 5; i++) await ecrire(`debit${i}@exemple.test`);
    const r1 = await livrerNotifications(db.orm.em.fork(), T, options({ parMinute: 3 }));
    expect(r1).toMatchObject({ envoyees: 3, limite: true });
    const r2 = await livrerNotifications(db.orm.em.fork(), new Date(T.getTime() + 30_000), options({ parMinute: 3 }));
    expect(r2).toMatchObject({ envoyees: 0, limite: true });
    const r3 = await livrerNotifications(db.orm.em.fork(), new Date(T.getTime() + 61_000), options({ parMinute: 3 }));
    expect(r3).toMatchObject({ envoyees: 2, limite: false });
    expect(new Set(messageIds()).size).toBe(5);
  });

  it('§11.27: two delivery workers at once (two pools) send each message once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 24; i++) ids.push(await ecrire(`lot${i}@exemple.test`));
    const autre = await db.autreOrm();
    const [a, b] = await Promise.all([
      livrerNotifications(db.orm.em.fork(), T, options({ lot: 3 })),
      livrerNotifications(autre.em.fork(), T, options({ lot: 3 })),
    ]);
    expect(a.envoyees + b.envoyees).toBe(24);
    expect(recus).toHaveLength(24);
    expect(new Set(messageIds())).toEqual(new Set(ids.map((id) => `<notification-${id}@als.example>`)));
  });

  it('§11.27: without SMTP_URL the outbox is the mailbox — due rows are marked delivered (canal boite), nothing is sent', async () => {
    const id = await ecrire('boite@exemple.test');
    const plusTard = await ecrire('plus-tard@exemple.test', 'inactivite_relance', new Date(T.getTime() + 3_600_000));
    const r = await tache('envoi-notifications')!.executer(db.orm.em.fork(), T, { ...loadJobsConfig({}), smtpUrl: undefined });
    expect(r).toMatchObject({ boite: 1, envoyees: 0 });
    expect(await ligne(id)).toMatchObject({ statut: 'envoyee', canal: 'boite', message_id: `<notification-${id}@als.example>` });
    expect((await ligne(plusTard)).statut).toBe('a_envoyer');
    expect(recus).toHaveLength(0);
  });
});
