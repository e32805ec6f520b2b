import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '@server/modules/audit-events/audit';

export type RaisonRevocation = 'mot_de_passe' | 'desactivation' | 'reactivation' | 'administrateur';

/**
 * Ends every live session of an agent (OWASP ASVS 5.0 V7.4.3, V7.4.5): on a password change, a
 * deactivation (so a re-activated account does not bring its old tokens back) and on an admin's
 * « Révoquer les sessions ». In the caller's transaction, audited with the count and the reason.
 */
export async function revoquerSessionsAgent(tx: EntityManager, agentId: number, o: { raison: RaisonRevocation; par: number; now: Date; ip?: string }) {
  const revoquees = await tx.execute<{ id: string }[]>(
    `update session set revoked_at = ? where kind = 'agent' and principal_id = ? and revoked_at is null and expires_at > ? returning id`,
    [o.now, agentId, o.now],
  );
  audit(tx, {
    at: o.now, acteur: { type: 'agent', id: o.par }, action: 'sessions_revoquees', entite: 'agent', entiteId: agentId,
    details: { nombre: revoquees.length, raison: o.raison }, ip: o.ip,
  });
  await tx.flush();
  return revoquees.length;
}

/** The generic update's consequence (agents.resource.ts): a new password or a change of `actif` revokes the sessions. */
export async function apresEcritureAgent(tx: EntityManager, e: { id: number; body: Record<string, unknown>; avant: Record<string, unknown> | null; agentId: number; now: Date; ip?: string }) {
  if (!e.avant) return;
  const raison: RaisonRevocation | null = e.body.motDePasse
    ? 'mot_de_passe'
    : typeof e.body.actif === 'boolean' && e.body.actif !== e.avant.actif
      ? e.body.actif ? 'reactivation' : 'desactivation'
      : null;
  if (raison) await revoquerSessionsAgent(tx, e.id, { raison, par: e.agentId, now: e.now, ip: e.ip });
}
