import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Demandeur } from '@server/modules/demandeurs/Demandeur.entity';

/**
 * Email verification links of portal accounts (R-ACCOUNT, §9.7–9.8): valid 72 hours, single
 * use. Only the sha256 of the token is stored; a new link revokes the previous ones.
 */
export const LienVerification = defineEntity({
  name: 'LienVerification',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    demandeur: p.manyToOne(Demandeur).index(),
    tokenHash: p.string().length(64).unique(),
    creeLe: p.datetime(),
    expireLe: p.datetime(),
    /** Set when used or superseded by a newer link: the link is then inactive. */
    utiliseLe: p.datetime().nullable(),
  }),
});
export type ILienVerification = InferEntity<typeof LienVerification>;
