import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Agent } from '@server/modules/agents/Agent.entity';

/** A named filter of a list, saved by an agent for themself (work queue views). */
export const FiltreSauvegarde = defineEntity({
  name: 'FiltreSauvegarde',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    agent: p.manyToOne(Agent).index(),
    ressource: p.string().length(40),
    nom: p.string().length(80),
    filtre: p.json<Record<string, unknown>>(),
    colonnes: p.json<string[]>().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
  uniques: [{ properties: ['agent', 'ressource', 'nom'] }],
});
export type IFiltreSauvegarde = InferEntity<typeof FiltreSauvegarde>;
