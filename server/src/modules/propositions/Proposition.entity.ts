import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { STATUTS_PROPOSITION } from '@shared/domain/enums';
import { Demandeur } from '@server/modules/demandeurs/Demandeur.entity';
import { Offre } from '@server/modules/offres/Offre.entity';
import { Agent } from '@server/modules/agents/Agent.entity';

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
  indexes: [
    { properties: ['statut', 'expireLe'] },
    // §11.17: one pending proposition per offer and demandeur (guards concurrent POST /api/propositions).
    { name: 'proposition_une_envoyee_uidx', expression: `create unique index "proposition_une_envoyee_uidx" on "proposition" ("offre_id", "demandeur_id") where "statut" = 'envoyee'` },
  ],
});
export type IProposition = InferEntity<typeof Proposition>;
