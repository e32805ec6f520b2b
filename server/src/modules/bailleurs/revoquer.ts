import type { EntityManager } from '@mikro-orm/postgresql';
import { conflict } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';

/**
 * R-BAIL-LIEN: an agent revokes an envoi's live links. Every bailleur request checks its link, so
 * an open page answers 410 LIEN_REVOQUE from its next request. Conditional update: revoking twice is a 409.
 */
export async function revoquerEnvoi(tx: EntityManager, envoiId: number, par: { agentId: number; ip?: string; motif: string | null }, now: Date) {
  const liens = await tx.execute<{ id: number }[]>(
    `update bailleur_lien set revoque_le = ?, revoque_par_id = ?, motif_revocation = ? where envoi_id = ? and revoque_le is null returning id`,
    [now, par.agentId, par.motif, envoiId],
  );
  if (liens.length === 0) throw conflict('LIEN_DEJA_REVOQUE', 'Le lien de cet envoi est déjà révoqué.');
  audit(tx, { at: now, acteur: { type: 'agent', id: par.agentId }, action: 'revoquer_lien', entite: 'bailleur_envoi', entiteId: envoiId, motif: par.motif, ip: par.ip ?? null });
  await tx.flush();
}
