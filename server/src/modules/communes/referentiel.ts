import type { EntityManager } from '@mikro-orm/postgresql';
import type { CommuneTable } from '@server/db/schema';
import { badRequest } from '@server/http/problem';

/**
 * The communes named by a request (secteurs of a demande, the portal's offer search), with their
 * names; unknown codes → 400 COMMUNE_INCONNUE. When the referential itself is empty (a fresh
 * database where `npm run communes:import` was never run) the answer says so rather than blaming
 * the code (issue #16).
 */
export async function communesConnues(em: EntityManager, codes: string[], champ: string): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const rows = await em.execute<Pick<CommuneTable, 'code_insee' | 'nom'>[]>(
    `select code_insee, nom from commune where code_insee in (${codes.map(() => '?').join(', ')})`, codes);
  const noms = new Map(rows.map((c) => [c.code_insee, c.nom]));
  const inconnues = codes.filter((c) => !noms.has(c));
  if (!inconnues.length) return noms;
  const [{ vide }] = rows.length ? [{ vide: false }] : await em.execute<{ vide: boolean }[]>(`select not exists (select 1 from commune) as vide`);
  if (vide) {
    throw badRequest('COMMUNE_INCONNUE', 'Le référentiel des communes n’est pas encore chargé sur ce service : aucune commune ne peut être reconnue. Réessayez plus tard.',
      [{ field: champ, message: 'référentiel des communes vide' }]);
  }
  throw badRequest('COMMUNE_INCONNUE', `Commune(s) inconnue(s) : ${inconnues.join(', ')}.`, [{ field: champ, message: 'commune inconnue' }]);
}
