import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ORIGINES_ENVOI_BAILLEUR } from '@shared/domain/enums';
import { Agent } from '@server/modules/agents/Agent.entity';
import { Candidature } from '@server/modules/candidatures/Candidature.entity';
import { Export } from '@server/modules/exports/Export.entity';
import { Offre } from '@server/modules/offres/Offre.entity';
import { Bailleur } from './Bailleur.entity';

/**
 * One « envoi »: designated candidatures sent to their bailleur's contact address (a link in a
 * mail, never the data itself), from a candidature, an offer or a designation export by an agent,
 * or by the reminder job (`relance`, no agent). `destinataire` is the address at sending time.
 */
export const BailleurEnvoi = defineEntity({
  name: 'BailleurEnvoi',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    bailleur: p.manyToOne(Bailleur),
    origine: p.enum([...ORIGINES_ENVOI_BAILLEUR]),
    offre: p.manyToOne(Offre).nullable().index(),
    export: p.manyToOne(Export).nullable().index(),
    agent: p.manyToOne(Agent).nullable(),
    destinataire: p.string().length(254),
    envoyeLe: p.datetime(),
    nombreCandidatures: p.integer(),
  }),
  indexes: [{ properties: ['bailleur', 'envoyeLe'] }],
});
export type IBailleurEnvoi = InferEntity<typeof BailleurEnvoi>;

/** The candidatures of an envoi (the scope of its links); `envoyeLe` copied for the « sans réponse » tab's index. */
export const BailleurEnvoiCandidature = defineEntity({
  name: 'BailleurEnvoiCandidature',
  properties: (p) => ({
    envoi: p.manyToOne(BailleurEnvoi).primary(),
    candidature: p.manyToOne(Candidature).primary().deleteRule('cascade'),
    envoyeLe: p.datetime(),
  }),
  indexes: [{ properties: ['candidature', 'envoyeLe'] }],
});
export type IBailleurEnvoiCandidature = InferEntity<typeof BailleurEnvoiCandidature>;
