import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { STATUTS_PROPOSITION } from '../../../../shared/domain/enums';
import { Demandeur } from '../demandeurs/Demandeur.entity';
import { Offre } from '../offres/Offre.entity';
import { Agent } from '../agents/Agent.entity';

export const Proposition = defineEntity({
  name: 'Proposition',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    offre: p.manyToOne(Offre).index(),
    demandeur: p.manyToOne(Demandeur).index(),
    agent: p.manyToOne(Agent),
    departement: p.string().length(3),
    statut: p.enum([...STATUTS_PROPOSITION]).default('envoyee'),
    message: p.text().nullable(),
    envoyeeLe: p.datetime(),
    expireLe: p.datetime(),
    reponduLe: p.datetime().nullable(),
    candidatureId: p.integer().nullable(),
  }),
  indexes: [{ properties: ['statut', 'expireLe'] }],
});
export type IProposition = InferEntity<typeof Proposition>;
