import type { RequestHandler } from 'express';
import { badRequest } from './problem';

/**
 * Input the server does not expect (OWASP ASVS 5.0 V1.5, V2.2), refused once for every route:
 *
 * - `propre(table, cle)`: a lookup by a client-given key that only sees the table's own
 *   properties — `constructor`, `toString`, `__proto__`… find nothing (Object.prototype members
 *   would otherwise be taken for a filter, an action or a template).
 * - `refuserEntreesHostiles`: a NUL character anywhere in the URL, the query or a JSON body (keys
 *   and values: PostgreSQL refuses it in text, and it truncates strings in C libraries), a JSON
 *   body nested deeper than 32 levels or with more than 20 000 values → 400 problem+json, before
 *   any handler runs. Walked iteratively: a deep body cannot exhaust the stack.
 */
export function propre<T>(table: Readonly<Record<string, T>>, cle: string): T | undefined {
  return Object.hasOwn(table, cle) ? table[cle] : undefined;
}

export const PROFONDEUR_MAX = 32;
export const VALEURS_MAX = 20_000;

const nul = () => badRequest('CARACTERE_INTERDIT', 'La requête contient un caractère nul (U+0000), refusé partout.');

/** Walks a parsed JSON value: throws on a NUL in any key or string, too deep or too many values. */
export function verifierValeur(racine: unknown): void {
  const pile: [unknown, number][] = [[racine, 0]];
  let vus = 0;
  while (pile.length) {
    const [v, profondeur] = pile.pop()!;
    if (++vus > VALEURS_MAX) throw badRequest('CORPS_TROP_COMPLEXE', `Le corps de la requête contient plus de ${VALEURS_MAX} valeurs.`);
    if (typeof v === 'string') {
      if (v.includes('\u0000')) throw nul();
    } else if (v !== null && typeof v === 'object') {
      if (profondeur >= PROFONDEUR_MAX) throw badRequest('CORPS_TROP_PROFOND', `Le corps de la requête est imbriqué sur plus de ${PROFONDEUR_MAX} niveaux.`);
      if (Array.isArray(v)) for (const x of v) pile.push([x, profondeur + 1]);
      else
        for (const [k, x] of Object.entries(v)) {
          if (k.includes('\u0000')) throw nul();
          pile.push([x, profondeur + 1]);
        }
    }
  }
}

export const refuserEntreesHostiles: RequestHandler = (req, _res, next) => {
  if (/%00/i.test(req.originalUrl)) return next(nul());
  verifierValeur(req.query);
  if (req.body !== undefined) verifierValeur(req.body);
  next();
};
