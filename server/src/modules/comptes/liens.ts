import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HttpProblem } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { hashToken } from '@server/modules/auth/sessions';
import { notifier } from '@server/modules/notifications/outbox';
import { TEMPLATES } from '@server/modules/notifications/templates';
import { formatDateHeureParis } from '@shared/rules/calendrier';
import type { DemandeurTable, LienVerificationTable } from '@server/db/schema';

/** §9.8: the verification link is valid 72 hours (at exactly 72 h it still works, not a second later). */
export const VALIDITE_LIEN_MS = 72 * 3600_000;
/** A new link (or "account exists" notice) for the same account at most once a minute: no mail bombing. */
export const DELAI_RENVOI_MS = 60_000;

/** Where the portal's verification page lives (the link in the mail); the token is also given alone. */
const PORTAIL_URL = process.env.PORTAIL_URL ?? 'http://localhost:3000';
/** A page of the portal, for the links of the mails (« déposer la pièce », issue #15). */
export const lienPortail = (chemin: string) => `${PORTAIL_URL.replace(/\/+$/, '')}${chemin}`;

export interface CompteDestinataire {
  id: number;
  email: string;
  civilite: string;
  nom: string;
  prenom: string;
}

/** True when this account was sent a link or notice less than DELAI_RENVOI_MS ago. */
export async function envoiRecent(tx: EntityManager, demandeurId: number, now: Date): Promise<boolean> {
  const rows = await tx.execute<{ n: number }[]>(
    `select count(*)::int as n from notification where demandeur_id = ? and template in ('compte_verification', 'compte_existant') and created_at > ?`,
    [demandeurId, new Date(now.getTime() - DELAI_RENVOI_MS)],
  );
  return rows[0].n > 0;
}

/** What the stored mail shows instead of the link and its code: the secret never sits in the outbox. */
export const LIEN_MASQUE = '[lien masqué]';

/** A link's token: HMAC of its id under the server's secret (secret.ts). Only its sha256 is stored. */
export const jetonDuLien = (secret: string, lienId: number) => createHmac('sha256', secret).update(`lien-verification:${lienId}`).digest('base64url');
const urlVerification = (jeton: string) => `${PORTAIL_URL}/portail/verifier-email?token=${jeton}`;

/**
 * Issues a new single-use link (the previous live ones become inactive) and puts the verification
 * mail in the outbox, in the caller's transaction. Neither the token nor the link is stored: the
 * lien_verification row holds the token's sha256, the outbox row the link's id and « [lien
 * masqué] »; the delivery rebuilds the link from the id and the server's secret (`messageALivrer`).
 */
export async function emettreLien(tx: EntityManager, d: CompteDestinataire, now: Date, secret: string): Promise<void> {
  await tx.execute(`update lien_verification set utilise_le = ? where demandeur_id = ? and utilise_le is null`, [now, d.id]);
  const [{ id }] = await tx.execute<{ id: number }[]>(`select nextval(pg_get_serial_sequence('lien_verification', 'id'))::int as id`);
  const expireLe = new Date(now.getTime() + VALIDITE_LIEN_MS);
  await tx.execute(`insert into lien_verification (id, demandeur_id, token_hash, cree_le, expire_le) values (?, ?, ?, ?, ?)`, [
    id, d.id, hashToken(jetonDuLien(secret, id)), now, expireLe,
  ]);
  notifier(tx, {
    demandeurId: d.id,
    destinataire: d.email,
    template: 'compte_verification',
    donnees: { civilite: d.civilite, nom: d.nom, prenom: d.prenom, lienId: id, lien: LIEN_MASQUE, token: LIEN_MASQUE, expireLe: formatDateHeureParis(expireLe) },
    entite: 'demandeur',
    entiteId: d.id,
    now,
  });
}

/** At delivery only: the verification mail with its real link (from the link id and the secret); any other mail as stored. */
export function messageALivrer(n: { template: string; donnees: Record<string, unknown> | null; sujet: string; corps: string }, secret: string): { sujet: string; corps: string } {
  const lienId = n.donnees?.lienId;
  if (n.template !== 'compte_verification' || typeof lienId !== 'number') return { sujet: n.sujet, corps: n.corps };
  const jeton = jetonDuLien(secret, lienId);
  return TEMPLATES.compte_verification({ ...(n.donnees as Record<string, string>), lien: urlVerification(jeton), token: jeton });
}

type LienRow = Pick<LienVerificationTable, 'id' | 'demandeur_id' | 'expire_le' | 'utilise_le'> & Pick<DemandeurTable, 'statut_compte'>;

/**
 * R-ACCOUNT (§9.7–9.8): the email is verified with a live link: unknown → 400 LIEN_INVALIDE;
 * used, superseded or older than 72 h → 410 LIEN_EXPIRE (ask for a new one). The account becomes
 * `actif`; the CGU are accepted next, after login.
 */
export async function verifierEmail(tx: EntityManager, token: string, now: Date, ip?: string) {
  const rows = await tx.execute<LienRow[]>(
    `select l.id, l.demandeur_id, l.expire_le, l.utilise_le, d.statut_compte
       from lien_verification l join demandeur d on d.id = l.demandeur_id where l.token_hash = ? for update of l, d`,
    [hashToken(token)],
  );
  const l = rows[0];
  if (!l) throw new HttpProblem(400, 'LIEN_INVALIDE', 'Ce lien de vérification n’est pas valide. Vérifiez qu’il a été copié en entier.');
  if (l.utilise_le || now.getTime() > new Date(l.expire_le).getTime() || l.statut_compte === 'ferme') {
    throw new HttpProblem(410, 'LIEN_EXPIRE', 'Ce lien de vérification n’est plus actif (72 heures dépassées ou lien déjà utilisé) : demandez un nouveau lien.');
  }
  // Conditional on what was read: the link is used once, whatever runs at the same time.
  const utilises = await tx.execute<{ id: number }[]>(`update lien_verification set utilise_le = ? where id = ? and utilise_le is null returning id`, [now, l.id]);
  if (utilises.length === 0) throw new HttpProblem(410, 'LIEN_EXPIRE', 'Ce lien de vérification vient d’être utilisé : connectez-vous.');
  await tx.execute(`update lien_verification set utilise_le = ? where demandeur_id = ? and utilise_le is null`, [now, l.demandeur_id]);
  const devient = l.statut_compte === 'a_verifier' ? 'actif' : l.statut_compte;
  await tx.execute(`update demandeur set statut_compte = ?, email_verifie_le = coalesce(email_verifie_le, ?) where id = ?`, [devient, now, l.demandeur_id]);
  audit(tx, { at: now, acteur: { type: 'demandeur', id: l.demandeur_id }, action: 'email_verifie', entite: 'demandeur', entiteId: l.demandeur_id, de: l.statut_compte, vers: devient, ip });
  return { statutCompte: devient };
}

/** "Renvoyer le lien de vérification" (§9.8): a new link when the account awaits verification; nothing otherwise. */
export async function renvoyerLien(tx: EntityManager, email: string, now: Date, secret: string): Promise<void> {
  const rows = await tx.execute<CompteDestinataire[]>(
    `select id, email, civilite, nom, prenom from demandeur where email = ? and statut_compte = 'a_verifier' for update`,
    [email],
  );
  const d = rows[0];
  if (!d || (await envoiRecent(tx, d.id, now))) return;
  await emettreLien(tx, d, now, secret);
  audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'lien_verification_renvoye', entite: 'demandeur', entiteId: d.id });
}
