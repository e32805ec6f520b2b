import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { STATUTS_SIGNALEMENT, TYPES_SIGNALEMENT } from '@shared/domain/enums';
import { Agent } from '@server/modules/agents/Agent.entity';

/** Fraud signal (R-ONE-ACCOUNT, tampered documents). Whole entity is fraud data. */
export const Signalement = defineEntity({
  name: 'Signalement',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    type: p.enum([...TYPES_SIGNALEMENT]),
    /** Dedupe key: the same evidence raises one signal, however often it is computed. */
    cle: p.string().length(200).unique(),
    score: p.integer(),
    preuves: p.json<Record<string, unknown>>(),
    demandeurIds: p.array((v) => Number(v), (v) => String(v)).columnType('integer[]').default('{}'),
    statut: p.enum([...STATUTS_SIGNALEMENT]).default('nouveau'),
    assignee: p.manyToOne(Agent).nullable(),
    conclusion: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
  indexes: [
    { name: 'signalement_demandeur_ids_idx', expression: `create index "signalement_demandeur_ids_idx" on "signalement" using gin ("demandeur_ids")` },{ properties: ['statut', 'score'] }],
});
export type ISignalement = InferEntity<typeof Signalement>;
