import type { EntityManager } from '@mikro-orm/postgresql';
import { HttpProblem } from '@server/http/problem';

export const QUOTA_PIECES_MO_DEFAUT = 200;

/** QUOTA_PIECES_MO (1..10 000), default 200: what one demandeur's pieces may weigh, history included. */
export function quotaPiecesOctets(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.QUOTA_PIECES_MO);
  return (Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : QUOTA_PIECES_MO_DEFAUT) * 1024 * 1024;
}

/**
 * Per-demandeur storage quota (issue #13): every piece a demandeur ever deposited, replaced ones
 * included (they are kept as history), counts. Called in the upload's transaction after the new
 * row is written and the open demande locked (`for update`), so two uploads at once cannot both
 * pass; over the quota the transaction rolls back and nothing is stored (413 QUOTA_PIECES).
 */
export async function verifierQuota(tx: EntityManager, demandeurId: number) {
  const [{ total }] = await tx.execute<{ total: string | number }[]>(
    `select coalesce(sum(j.taille), 0) as total from justificatif j join demande d on d.id = j.demande_id where d.demandeur_id = ?`,
    [demandeurId],
  );
  const quota = quotaPiecesOctets();
  if (Number(total) > quota) {
    throw new HttpProblem(413, 'QUOTA_PIECES', `Vos pièces dépassent l’espace de ${Math.round(quota / 1024 / 1024)} Mo prévu par dossier (pièces remplacées comprises) : contactez votre conseiller.`, undefined, { Connection: 'close' });
  }
}
