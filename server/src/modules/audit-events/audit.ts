import type { EntityManager } from '@mikro-orm/postgresql';
import { AuditEvent } from './AuditEvent.entity';

export interface AuditInput {
  at: Date;
  acteur: { type: 'agent' | 'demandeur' | 'systeme' | 'bailleur'; id?: number | null };
  action: string;
  entite: string;
  entiteId?: number | null;
  de?: string | null;
  vers?: string | null;
  motif?: string | null;
  details?: Record<string, unknown> | null;
  fraude?: boolean;
  ip?: string | null;
}

/** Adds an audit event to the unit of work: it is flushed in the caller's transaction. */
export function audit(em: EntityManager, e: AuditInput) {
  return em.create(AuditEvent, {
    at: e.at,
    acteurType: e.acteur.type,
    acteurId: e.acteur.id ?? null,
    action: e.action,
    entite: e.entite,
    entiteId: e.entiteId ?? null,
    de: e.de ?? null,
    vers: e.vers ?? null,
    motif: e.motif ?? null,
    details: e.details ?? null,
    fraude: e.fraude ?? false,
    ip: e.ip ?? null,
  });
}
