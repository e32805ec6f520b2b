import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Agent } from '@server/modules/agents/Agent.entity';

/** Private notes of agents on a candidature or a demande (never shown to the demandeur). */
export const Note = defineEntity({
  name: 'Note',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    entite: p.enum(['candidature', 'demande'] as const),
    entiteId: p.integer(),
    agent: p.manyToOne(Agent),
    texte: p.text(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
  indexes: [{ properties: ['entite', 'entiteId'] }],
});
export type INote = InferEntity<typeof Note>;
