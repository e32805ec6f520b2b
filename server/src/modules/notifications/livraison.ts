import type { EntityManager } from '@mikro-orm/postgresql';
import { mailBailleurALivrer } from '@server/modules/bailleurs/envoyer';
import { messageALivrer } from '@server/modules/comptes/liens';
import { texteVersHtml } from './html';

/** What the delivery needs of a mail transport (nodemailer's Transporter fits; tests pass fakes). */
export interface Expediteur {
  sendMail(message: {
    from: string;
    to: string;
    subject: string;
    text: string;
    html: string;
    messageId: string;
    headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface OptionsLivraison {
  /** null: no SMTP configured, the outbox is the mailbox (rows marked delivered, canal `boite`). */
  expediteur: Expediteur | null;
  from: string;
  /** Right-hand side of the Message-ID: `<notification-<id>@<domaine>>`. */
  domaine: string;
  /** MAIL_RATE_PER_MINUTE: SMTP sends over the last minute, all replicas together. */
  parMinute: number;
  /** After this many attempts a row is `echec` (a permanent 5xx answer fails it at once). */
  maxTentatives: number;
  /** How long a claimed row stays `envoi_en_cours` before another worker may take it again. */
  bailMs: number;
  /** Rows claimed per round trip. */
  lot: number;
  /** Stop taking new rows after this long (the next scheduled run goes on). */
  dureeMaxMs: number;
  /** The server's secret: the verification links are rebuilt with it (comptes/liens.ts), the bailleur links' tokens decrypted (bailleurs/jeton.ts). */
  secret: string;
}

export interface ResumeLivraison {
  envoyees: number;
  boite: number;
  reportees: number;
  echecs: number;
  /** true when the per-minute budget stopped the run. */
  limite: boolean;
}

export interface Ligne {
  id: number;
  destinataire: string;
  template: string;
  donnees: Record<string, unknown> | null;
  /** A bailleur link's encrypted token (bailleurs/jeton.ts), wiped once the mail is sent. */
  jeton_chiffre: string | null;
  sujet: string;
  corps: string;
  tentatives: number;
  message_id: string;
}

/** Exponential backoff: 2 min, 4, 8… capped at 6 h. */
export function delaiAvantEssai(tentatives: number): number {
  return Math.min(2 * 60_000 * 2 ** Math.max(0, tentatives - 1), 6 * 3_600_000);
}

const DUS = `statut in ('a_envoyer', 'envoi_en_cours') and prochain_essai <= ?`;

/**
 * Delivers due outbox rows (statut a_envoyer, or an envoi_en_cours whose lease ran out after a
 * crash) — at-least-once, see README "Jobs and mail".
 *
 * 1. Claim, in a short transaction serialised by an advisory lock (the per-minute budget holds
 *    across replicas): FOR UPDATE SKIP LOCKED a small batch, set envoi_en_cours with a lease
 *    (prochain_essai = now + bail), count the attempt, fix the Message-ID.
 * 2. Send each row outside any transaction, with its stable Message-ID.
 * 3. Mark it envoyee, or back to a_envoyer with a backoff, or echec after maxTentatives or a
 *    permanent refusal. A crash between 2 and 3 leaves the lease: the row is sent again after it
 *    expires, with the same Message-ID, so the receiving side can spot the duplicate.
 */
export async function livrerNotifications(em: EntityManager, now: Date, o: OptionsLivraison): Promise<ResumeLivraison> {
  const resume: ResumeLivraison = { envoyees: 0, boite: 0, reportees: 0, echecs: 0, limite: false };
  const debut = performance.now();
  if (!o.expediteur) {
    resume.boite = await versBoite(em, now, o);
    return resume;
  }
  while (performance.now() - debut < o.dureeMaxMs) {
    const { lignes, budget } = await reserver(em, now, o);
    if (lignes.length === 0) {
      resume.limite = budget <= 0;
      break;
    }
    for (const l of lignes) await envoyer(em, o.expediteur, l, now, o, resume);
  }
  return resume;
}

const messageId = (o: Pick<OptionsLivraison, 'domaine'>) => [`<notification-`, `@${o.domaine}>`];

/** Step 1 alone (exported for the crash test: a process that claimed and sent, then died before step 3). */
export async function reserver(em: EntityManager, now: Date, o: OptionsLivraison): Promise<{ lignes: Ligne[]; budget: number }> {
  return em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('als:outbox'))`);
    const [{ faits }] = await tx.execute<{ faits: number }[]>(
      `select (select count(*) from notification where canal = 'smtp' and envoyee_le > ?)
            + (select count(*) from notification where statut = 'envoi_en_cours' and prochain_essai > ?) as faits`,
      [new Date(now.getTime() - 60_000), now],
    );
    const budget = Math.min(o.lot, o.parMinute - Number(faits));
    if (budget <= 0) return { lignes: [], budget };
    const [avant, apres] = messageId(o);
    const lignes = await tx.execute<Ligne[]>(
      `with due as (select id from notification where ${DUS} order by prochain_essai, id limit ? for update skip locked)
       update notification n set statut = 'envoi_en_cours', tentatives = n.tentatives + 1, prochain_essai = ?,
              message_id = coalesce(n.message_id, ? || n.id || ?)
         from due where n.id = due.id
       returning n.id, n.destinataire, n.template, n.donnees, n.jeton_chiffre, n.sujet, n.corps, n.tentatives, n.message_id`,
      [now, budget, new Date(now.getTime() + o.bailMs), avant, apres],
    );
    return { lignes: lignes.sort((a, b) => a.id - b.id), budget };
  });
}

async function envoyer(em: EntityManager, expediteur: Expediteur, l: Ligne, now: Date, o: OptionsLivraison, resume: ResumeLivraison) {
  try {
    const m = mailBailleurALivrer(l, o.secret) ?? messageALivrer(l, o.secret);
    await expediteur.sendMail({
      from: o.from,
      to: l.destinataire,
      subject: m.sujet,
      text: m.corps,
      html: texteVersHtml(m.sujet, m.corps),
      messageId: l.message_id,
      headers: { 'X-ALS-Notification': String(l.id), 'Auto-Submitted': 'auto-generated' },
    });
  } catch (e) {
    const err = e as { message?: string; responseCode?: number; permanent?: boolean };
    const permanent = err.permanent === true || (typeof err.responseCode === 'number' && err.responseCode >= 500);
    const erreur = `${err.responseCode ? `${err.responseCode} ` : ''}${err.message ?? String(e)}`.slice(0, 2000);
    if (permanent || l.tentatives >= o.maxTentatives) {
      await em.execute(`update notification set statut = 'echec', erreur = ?, prochain_essai = null where id = ? and statut = 'envoi_en_cours'`, [erreur, l.id]);
      resume.echecs++;
    } else {
      await em.execute(`update notification set statut = 'a_envoyer', erreur = ?, prochain_essai = ? where id = ? and statut = 'envoi_en_cours'`, [
        erreur,
        new Date(now.getTime() + delaiAvantEssai(l.tentatives)),
        l.id,
      ]);
      resume.reportees++;
    }
    return;
  }
  await em.execute(
    // Sent: the bailleur link's token has nothing more to do here (R-BAIL-LIEN).
    `update notification set statut = 'envoyee', canal = 'smtp', envoyee_le = ?, erreur = null, prochain_essai = null, jeton_chiffre = null
      where id = ? and statut = 'envoi_en_cours'`,
    [now, l.id],
  );
  resume.envoyees++;
}

/** No SMTP: every due row is delivered to the in-app mailbox (the console's outbox pages). */
async function versBoite(em: EntityManager, now: Date, o: OptionsLivraison): Promise<number> {
  const [avant, apres] = messageId(o);
  let total = 0;
  for (;;) {
    const faites = await em.fork().execute<{ id: number }[]>(
      `with due as (select id from notification where ${DUS} order by prochain_essai, id limit 500 for update skip locked)
       update notification n set statut = 'envoyee', canal = 'boite', envoyee_le = ?, tentatives = n.tentatives + 1, prochain_essai = null,
              erreur = null, message_id = coalesce(n.message_id, ? || n.id || ?), jeton_chiffre = null
         from due where n.id = due.id returning n.id`,
      [now, now, avant, apres],
    );
    total += faites.length;
    if (faites.length < 500) return total;
  }
}
