import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Fraud signals computed right after a justificatif is stored (same transaction): same file
 * under other demandeurs, PDF metadata anomalies. The periodic job covers identities.
 * (Implementation owned by the fraud-control work; callers only rely on this signature.)
 */
export async function signalerApresDepot(_em: EntityManager, _justificatifId: number, _now: Date): Promise<void> {
  // Intentionally empty until the fraud-control detection lands.
}
