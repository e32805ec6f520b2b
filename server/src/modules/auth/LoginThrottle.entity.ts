import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * Failed-login counters per account (CNIL deliberation 2022-100), in the database so that
 * they survive a restart and are shared by every replica. Keyed by the submitted email,
 * known or not, so an unknown email is throttled exactly like a real one.
 */
export const LoginThrottle = defineEntity({
  name: 'LoginThrottle',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    kind: p.enum(['agent', 'demandeur'] as const),
    email: p.string().length(254),
    /** Failures since the last success. */
    consecutiveFailures: p.integer().default(0),
    lockedUntil: p.datetime().nullable(),
    /** Start of the current 24 h window and the failures counted in it. */
    windowStart: p.datetime(),
    windowFailures: p.integer().default(0),
    updatedAt: p.datetime(),
  }),
  uniques: [{ properties: ['kind', 'email'] }],
});
export type ILoginThrottle = InferEntity<typeof LoginThrottle>;
