import type { Request } from 'express';
import { z } from 'zod';
import { ordreListe, whereClause } from '@server/http/simpleRest';
import { sortSchema } from '@server/http/listQuery';
import { parseBody } from '@server/http/validate';
import { audit } from '@server/modules/audit-events/audit';
import { candidatures, ordreParOffre } from './candidatures.resource';
import { VERROU_MINUTES } from './contexte';
import { acteurDe } from './transition';

/** The named orders of « Traiter le suivant »: offer by offer (oldest offer first, rank within), or longest waiting first. */
export const ORDRES_SUIVANT = ['offre', 'attente'] as const;
export type OrdreSuivant = (typeof ORDRES_SUIVANT)[number];

export const corpsSuivant = z.object({
  /** The queue's filter as the agent left it (same keys as the list); its tab is ignored. */
  filter: z.record(z.string().max(60), z.unknown()).optional(),
  /**
   * A named order, or the queue's own sort `["champ","ASC"|"DESC"]` (same fields as the list's `sort`):
   * the dossier taken is then the first free one still to instruct in the order the queue shows.
   */
  ordre: z.union([z.enum(ORDRES_SUIVANT), sortSchema]).default('offre'),
});

/** The ORDER BY of the chosen order, with its parameters (a list field may need the clock or the caller). */
function ordreSql(req: Request, ordre: z.infer<typeof corpsSuivant>['ordre'], now: Date): { sql: string; params: unknown[] } {
  // R-RANK within one offer is (palier, dateCandidature, id): the best-ranked free dossier of the oldest offer.
  if (ordre === 'offre') return { sql: ordreParOffre('asc'), params: [] };
  const tri: [string, 'ASC' | 'DESC'] = ordre === 'attente' ? ['dateCandidature', 'ASC'] : ordre;
  return ordreListe(req, candidatures, tri, now); // a field the list may not sort on: 400 TRI_INVALIDE
}

/**
 * « Traiter le suivant »: in one transaction, the best-placed dossier still to instruct (deposee)
 * that the agent may take, in his scope (CASL → SQL, ANDed with the queue's filter), that nobody
 * else holds (a live soft lock), is locked `FOR UPDATE SKIP LOCKED` and taken by a conditional
 * write: two agents pressing at once get two different dossiers, never the same one.
 * Returns the candidature id taken, or null when nothing is left.
 */
export async function prendreSuivant(req: Request, now: Date): Promise<number | null> {
  const corps = parseBody(corpsSuivant, req.body ?? {});
  const { onglet: _onglet, ...filtre } = corps.filter ?? {};
  const where = whereClause(req, candidatures, 'prendre', filtre, now);
  const ordre = ordreSql(req, corps.ordre, now);
  const acteur = acteurDe(req);
  const limite = new Date(now.getTime() - VERROU_MINUTES * 60_000);
  const libre = `(c.agent_en_charge_id is null or c.verrou_activite_le is null or c.verrou_activite_le <= ?)`;
  return req.em!.transactional(async (tx) => {
    const [choisi] = await tx.execute<{ id: number; agent_en_charge_id: number | null }[]>(
      `select c.id, c.agent_en_charge_id from ${candidatures.from}
        where ${where.sql} and c.statut = 'deposee' and ${libre}
        order by ${ordre.sql} limit 1 for update of c skip locked`,
      [...where.params, limite, ...ordre.params],
    );
    if (!choisi) return null;
    const pris = await tx.execute<{ id: number }[]>(
      `update candidature c set agent_en_charge_id = ?, prise_en_charge_le = ?, verrou_activite_le = ?, updated_at = ?, version = version + 1
        where c.id = ? and c.statut = 'deposee' and ${libre} returning c.id`,
      [acteur.id, now, now, now, choisi.id, limite],
    );
    if (pris.length === 0) return null;
    audit(tx, {
      at: now, acteur: { type: 'agent', id: acteur.id }, action: 'prise_dossier', entite: 'candidature', entiteId: choisi.id,
      details: { via: 'suivant', ordre: corps.ordre, ...(choisi.agent_en_charge_id ? { precedentInactif: choisi.agent_en_charge_id } : {}) }, ip: acteur.ip,
    });
    await tx.flush();
    return choisi.id;
  });
}
