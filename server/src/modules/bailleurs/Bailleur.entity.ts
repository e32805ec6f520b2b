import { defineEntity, type InferEntity } from '@mikro-orm/core';

export const Bailleur = defineEntity({
  name: 'Bailleur',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    nom: p.string().length(200),
    siren: p.string().length(9).unique(),
    email: p.string().length(254),
    /** R-INLI: applying to this bailleur's offers sends the "will contact you" notification. */
    estInli: p.boolean().default(false),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
});
export type IBailleur = InferEntity<typeof Bailleur>;
