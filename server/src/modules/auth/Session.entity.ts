import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * Server-side session of an agent or a demandeur. The token is never stored: only its
 * sha256, so a database read does not hand out live sessions.
 */
export const Session = defineEntity({
  name: 'Session',
  properties: (p) => ({
    id: p.string().length(64).primary(),
    /** `bailleur`: a short session opened from a bailleur's link (principalId = the link). */
    kind: p.enum(['agent', 'demandeur', 'bailleur'] as const),
    principalId: p.integer(),
    createdAt: p.datetime(),
    lastSeenAt: p.datetime(),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(300).nullable(),
  }),
  indexes: [{ properties: ['kind', 'principalId'] }],
});
export type ISession = InferEntity<typeof Session>;
