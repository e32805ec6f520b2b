/**
 * The bailleur's access to what was sent to it (§11.12), without an account:
 * - R-BAIL-LIEN: a link (random token, only its hash stored) valid VALIDITE_LIEN_JOURS days in the
 *   Paris calendar, for one bailleur and the candidatures of one « envoi »; revocable. After expiry
 *   or revocation it answers 410 (LIEN_EXPIRE, LIEN_REVOQUE), revocation first.
 * - R-BAIL-RELANCE: a candidature still `transmise_bailleur` RELANCE_JOURS_DEFAUT days (configurable)
 *   after it was first sent is « sans réponse du bailleur »; the bailleur gets one reminder for it.
 */
import type { Instant, Refus } from '@shared/domain/types';
import { ajouterJours, versDate } from './calendrier';

export const VALIDITE_LIEN_JOURS = 14;
export const RELANCE_JOURS_DEFAUT = 10;

/** When a link issued at `emisLe` stops working (same wall time, 14 Paris days later). */
export function expirationLien(emisLe: Instant): Date {
  return ajouterJours(emisLe, VALIDITE_LIEN_JOURS);
}

export type EtatLien = { ok: true } | ({ ok: false } & Refus<'LIEN_EXPIRE' | 'LIEN_REVOQUE'>);

/** R-BAIL-LIEN: whether a link still opens at `maintenant` (it works up to, not at, its expiry). */
export function etatLien(lien: { expireLe: Instant; revoqueLe: Instant | null }, maintenant: Instant): EtatLien {
  if (lien.revoqueLe !== null) {
    return { ok: false, code: 'LIEN_REVOQUE', raison: 'Ce lien a été révoqué par Action Logement Services. Contactez votre interlocuteur pour en recevoir un nouveau.' };
  }
  if (versDate(maintenant).getTime() >= versDate(lien.expireLe).getTime()) {
    return { ok: false, code: 'LIEN_EXPIRE', raison: 'Ce lien a expiré. Contactez votre interlocuteur Action Logement Services pour en recevoir un nouveau.' };
  }
  return { ok: true };
}

/** R-BAIL-RELANCE: a candidature first sent at or before this instant is late (without an answer). */
export function seuilRelance(maintenant: Instant, jours: number = RELANCE_JOURS_DEFAUT): Date {
  return ajouterJours(maintenant, -jours);
}

/** R-BAIL-RELANCE: whether a candidature sent at `envoyeeLe` is without an answer at `maintenant`. */
export function sansReponse(envoyeeLe: Instant, maintenant: Instant, jours: number = RELANCE_JOURS_DEFAUT): boolean {
  return versDate(envoyeeLe).getTime() <= seuilRelance(maintenant, jours).getTime();
}
