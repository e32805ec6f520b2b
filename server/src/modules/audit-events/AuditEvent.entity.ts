import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Append-only journal: who did what, when, on which record, from which state to which. */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    at: p.datetime(),
    acteurType: p.enum(['agent', 'demandeur', 'systeme', 'bailleur'] as const),
    acteurId: p.integer().nullable(),
    action: p.string().length(60),
    entite: p.string().length(30),
    entiteId: p.integer().nullable(),
    de: p.string().length(30).nullable(),
    vers: p.string().length(30).nullable(),
    motif: p.text().nullable(),
    details: p.json<Record<string, unknown>>().nullable(),
    /** Fraud-related events (reads of fraud data, suspensions' motives) are for controle_fraude only. */
    fraude: p.boolean().default(false),
    ip: p.string().length(64).nullable(),
  }),
  indexes: [{ properties: ['entite', 'entiteId', 'at'] }, { properties: ['at'] }, { properties: ['acteurType', 'acteurId'] }],
});
export type IAuditEvent = InferEntity<typeof AuditEvent>;
