import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { TYPES_SUSPENSION } from '@shared/domain/enums';
import { Demandeur } from '@server/modules/demandeurs/Demandeur.entity';
import { Agent } from '@server/modules/agents/Agent.entity';

export const Suspension = defineEntity({
  name: 'Suspension',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    demandeur: p.manyToOne(Demandeur).index(),
    type: p.enum([...TYPES_SUSPENSION]),
    debut: p.datetime(),
    fin: p.datetime(),
    dureeMois: p.integer(),
    /** Fraud data (R-FRAUD-VIS): the motive text is for controle_fraude only. */
    motif: p.text(),
    recidive: p.boolean().default(false),
    creePar: p.manyToOne(Agent),
    leveeLe: p.datetime().nullable(),
    leveePar: p.manyToOne(Agent).nullable(),
    motifLevee: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
  indexes: [{ properties: ['fin'] }],
});
export type ISuspension = InferEntity<typeof Suspension>;
