import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { HttpProblem } from '../../http/problem';
import { audit } from '../audit-events/audit';
import { hashToken } from '../auth/sessions';
import { notifier } from '../notifications/outbox';
import { formatDateHeureParis } from '../../../../shared/rules/calendrier';

/** §9.8: the verification link is valid 72 hours (at exactly 72 h it still works, not a second later). */
export const VALIDITE_LIEN_MS = 72 * 3600_000;
/** A new link (or "account exists" notice) for the same account at most once a minute: no mail bombing. */
export const DELAI_RENVOI_MS = 60_000;

/** Where the portal's verification page lives (the link in the mail); the token is also given alone. */
const PORTAIL_URL = process.env.PORTAIL_URL ?? 'http://localhost:3000';

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

/**
 * Issues a new single-use link (only its sha256 is stored; the previous live links become
 * inactive) and puts the verification mail in the outbox, in the caller's transaction.
 */
export async function emettreLien(tx: EntityManager, d: CompteDestinataire, now: Date): Promise<void> {
  await tx.execute(`update lien_verification set utilise_le = ? where demandeur_id = ? and utilise_le is null`, [now, d.id]);
  const token = randomBytes(32).toString('base64url');
  const expireLe = new Date(now.getTime() + VALIDITE_LIEN_MS);
  await tx.execute(`insert into lien_verification (demandeur_id, token_hash, cree_le, expire_le) values (?, ?, ?, ?)`, [d.id, hashToken(token), now, expireLe]);
  notifier(tx, {
    demandeurId: d.id,
    destinataire: d.email,
    template: 'compte_verification',
    donnees: {
      civilite: d.civilite,
      nom: d.nom,
      prenom: d.prenom,
      token,
      lien: `${PORTAIL_URL}/portail/verifier-email?token=${token}`,
      expireLe: formatDateHeureParis(expireLe),
    },
    entite: 'demandeur',
    entiteId: d.id,
    now,
  });
}

interface LienRow {
  id: number;
  demandeur_id: number;
  expire_le: Date;
  utilise_le: Date | null;
  statut_compte: string;
}

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
  await tx.execute(`update lien_verification set utilise_le = ? where demandeur_id = ? and utilise_le is null`, [now, l.demandeur_id]);
  const devient = l.statut_compte === 'a_verifier' ? 'actif' : l.statut_compte;
  await tx.execute(`update demandeur set statut_compte = ?, email_verifie_le = coalesce(email_verifie_le, ?) where id = ?`, [devient, now, l.demandeur_id]);
  audit(tx, { at: now, acteur: { type: 'demandeur', id: l.demandeur_id }, action: 'email_verifie', entite: 'demandeur', entiteId: l.demandeur_id, de: l.statut_compte, vers: devient, ip });
  return { statutCompte: devient };
}

/** "Renvoyer le lien de vérification" (§9.8): a new link when the account awaits verification; nothing otherwise. */
export async function renvoyerLien(tx: EntityManager, email: string, now: Date): Promise<void> {
  const rows = await tx.execute<CompteDestinataire[]>(
    `select id, email, civilite, nom, prenom from demandeur where email = ? and statut_compte = 'a_verifier' for update`,
    [email],
  );
  const d = rows[0];
  if (!d || (await envoiRecent(tx, d.id, now))) return;
  await emettreLien(tx, d, now);
  audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'lien_verification_renvoye', entite: 'demandeur', entiteId: d.id });
}
