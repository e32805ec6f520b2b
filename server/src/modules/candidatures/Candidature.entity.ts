import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { CANAUX_DEMANDE, NATURES_OFFRE, ORIGINES_CANDIDATURE, STATUTS_CANDIDATURE } from '../../../../shared/domain/enums';
import { Demande } from '../demandes/Demande.entity';
import { Demandeur } from '../demandeurs/Demandeur.entity';
import { Offre } from '../offres/Offre.entity';
import { Agent } from '../agents/Agent.entity';

/**
 * `departement` and `nature` are copied from the offer (they never change on an offer) so
 * that the territory scope and the queue filters hit one index without a join.
 */
export const Candidature = defineEntity({
  name: 'Candidature',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    reference: p.string().length(30).unique(),
    demande: p.manyToOne(Demande).index(),
    demandeur: p.manyToOne(Demandeur),
    offre: p.manyToOne(Offre),
    departement: p.string().length(3),
    nature: p.enum([...NATURES_OFFRE]),
    statut: p.enum([...STATUTS_CANDIDATURE]).default('deposee'),
    dateCandidature: p.datetime(),
    origine: p.enum([...ORIGINES_CANDIDATURE]).default('portail'),
    agentEnCharge: p.manyToOne(Agent).nullable().index(),
    priseEnChargeLe: p.datetime().nullable(),
    motif: p.string().length(1000).nullable(),
    canal: p.enum([...CANAUX_DEMANDE]).nullable(),
    designeeLe: p.datetime().nullable(),
    clotureLe: p.datetime().nullable(),
    /** Optimistic lock: a concurrent transition on a stale row fails instead of applying twice. */
    version: p.integer().version(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
  indexes: [
    { name: 'candidature_offre_rang_idx', properties: ['offre', 'statut', 'dateCandidature', 'id'] },
    { name: 'candidature_queue_idx', properties: ['departement', 'statut', 'dateCandidature'] },
    { name: 'candidature_demandeur_statut_idx', properties: ['demandeur', 'statut'] },
  ],
});
export type ICandidature = InferEntity<typeof Candidature>;
