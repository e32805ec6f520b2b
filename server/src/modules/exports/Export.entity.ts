import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { STATUTS_EXPORT, TYPES_EXPORT } from '@shared/domain/enums';
import { Agent } from '@server/modules/agents/Agent.entity';

export const Export = defineEntity({
  name: 'Export',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    kind: p.enum([...TYPES_EXPORT]),
    params: p.json<Record<string, unknown>>(),
    destinataire: p.string().length(200),
    statut: p.enum([...STATUTS_EXPORT]).default('en_attente'),
    progression: p.integer().default(0),
    agent: p.manyToOne(Agent).index(),
    fichier: p.string().length(300).nullable(),
    nomFichier: p.string().length(200).nullable(),
    taille: p.integer().nullable(),
    lignes: p.integer().nullable(),
    erreur: p.text().nullable(),
    expireLe: p.datetime().nullable(),
    termineLe: p.datetime().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
});
export type IExport = InferEntity<typeof Export>;
