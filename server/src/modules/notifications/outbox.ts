import type { EntityManager } from '@mikro-orm/postgresql';
import { Notification } from './Notification.entity';
import { TEMPLATES } from './templates';

export interface NotifierInput {
  demandeurId: number | null;
  destinataire: string;
  template: keyof typeof TEMPLATES | string;
  donnees: Record<string, string | number | null | undefined>;
  /** Idempotency key: the same key never makes a second row (unique index). */
  cle?: string;
  entite?: string;
  entiteId?: number;
  now: Date;
  /** A secret the mail needs at delivery (a bailleur link's token), already encrypted: wiped once delivered. */
  jetonChiffre?: string;
}

/**
 * Writes a notification to the outbox in the caller's unit of work (so in its transaction);
 * a job delivers it later. Never sends anything itself.
 */
export function notifier(em: EntityManager, n: NotifierInput) {
  const render = TEMPLATES[n.template];
  if (!render) throw new Error(`Unknown notification template ${n.template}`);
  const { sujet, corps } = render(n.donnees);
  return em.create(Notification, {
    demandeur: n.demandeurId,
    destinataire: n.destinataire,
    template: n.template,
    sujet,
    corps,
    donnees: n.donnees,
    cle: n.cle ?? null,
    statut: 'a_envoyer',
    tentatives: 0,
    prochainEssai: n.now,
    entite: n.entite ?? null,
    entiteId: n.entiteId ?? null,
    jetonChiffre: n.jetonChiffre ?? null,
    createdAt: n.now,
  });
}
