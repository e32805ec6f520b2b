import { defineEntity, type InferEntity } from '@mikro-orm/core';

/**
 * Published versions of the applicants' terms of use (§6.1). The current version is the one
 * published last (publieeLe ≤ now); a demandeur whose cguVersionAcceptee differs must accept it
 * before using the portal (R-ACCOUNT).
 */
export const CguVersion = defineEntity({
  name: 'CguVersion',
  properties: (p) => ({
    version: p.string().length(20).primary(),
    publieeLe: p.datetime().index(),
    /** Short French summary of what changed, shown when re-acceptance is asked. */
    resume: p.text().nullable(),
  }),
});
export type ICguVersion = InferEntity<typeof CguVersion>;
