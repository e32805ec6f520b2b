import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '@shared/domain/enums';

export const Agent = defineEntity({
  name: 'Agent',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    /** Stored lower-cased; unique. */
    email: p.string().length(254).unique(),
    nom: p.string().length(100),
    prenom: p.string().length(100),
    role: p.enum([...ROLES]),
    /** Départements (codes "69", "2A", "971"…) the agent works on. */
    territoires: p.array().default('{}'),
    passwordHash: p.string().length(200).hidden(),
    actif: p.boolean().default(true),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
  indexes: [{ name: 'agent_nom_search_idx', expression: 'create index "agent_nom_search_idx" on "agent" (lower("nom") text_pattern_ops)' }],
});
export type IAgent = InferEntity<typeof Agent>;
