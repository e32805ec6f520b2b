import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { CONTRIBUTIONS } from '@shared/domain/enums';

export const Entreprise = defineEntity({
  name: 'Entreprise',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    siret: p.string().length(14).unique(),
    raisonSociale: p.string().length(200),
    contribution: p.enum([...CONTRIBUTIONS]),
    /** R-PSEEC (§7.2): designations left for a pseec entreprise; null when not pseec. */
    droitsPseecRestants: p.integer().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
});
export type IEntreprise = InferEntity<typeof Entreprise>;
