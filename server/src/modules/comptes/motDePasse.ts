import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords';

/**
 * Password policy of portal accounts (R-ACCOUNT, §9.5; CNIL deliberation 2022-100): 12 to 128
 * characters (Unicode code points), no composition rule, but none of the most common passwords
 * (mots-de-passe-courants.txt, compared case-insensitively), nor a single repeated character,
 * nor the account's own email.
 */
const COURANTS: ReadonlySet<string> = new Set(
  readFileSync(new URL('./mots-de-passe-courants.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
);

export const longueur = (s: string) => [...s].length;

export function estCourant(motDePasse: string): boolean {
  return COURANTS.has(motDePasse.toLowerCase());
}

/** A French reason when the password is refused, or null. */
export function refusMotDePasse(motDePasse: string, email?: string): string | null {
  const n = longueur(motDePasse);
  if (n < PASSWORD_MIN) return `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`;
  if (n > PASSWORD_MAX) return `Le mot de passe doit contenir au plus ${PASSWORD_MAX} caractères.`;
  if (estCourant(motDePasse)) return 'Ce mot de passe fait partie des plus utilisés : choisissez-en un autre (une phrase de plusieurs mots, par exemple).';
  if (new Set(motDePasse).size === 1) return 'Ce mot de passe répète un seul caractère : choisissez-en un autre.';
  if (email && motDePasse.toLowerCase() === email.toLowerCase()) return 'Le mot de passe ne peut pas être votre adresse électronique.';
  return null;
}

/** The zod field: a string whose refusal is reported on `motDePasse` (400 VALIDATION). */
export const motDePasseSchema = z.string().superRefine((v, ctx) => {
  const raison = refusMotDePasse(v);
  if (raison) ctx.addIssue({ code: 'custom', message: raison });
});
