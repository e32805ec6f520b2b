import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { TYPES_ACCES_BAILLEUR } from '@shared/domain/enums';
import { Agent } from '@server/modules/agents/Agent.entity';
import { Candidature } from '@server/modules/candidatures/Candidature.entity';
import { Bailleur } from './Bailleur.entity';
import { BailleurEnvoi } from './Envoi.entity';

/**
 * R-BAIL-LIEN: the bailleur's access to one envoi. The token travels only in the mail (in the
 * URL fragment); the database keeps its sha256. 14 days, revocable by an agent.
 */
export const BailleurLien = defineEntity({
  name: 'BailleurLien',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    envoi: p.manyToOne(BailleurEnvoi).index(),
    bailleur: p.manyToOne(Bailleur),
    tokenHash: p.string().length(64).unique(),
    creeLe: p.datetime(),
    expireLe: p.datetime(),
    revoqueLe: p.datetime().nullable(),
    revoquePar: p.manyToOne(Agent).nullable(),
    motifRevocation: p.string().length(500).nullable(),
  }),
});
export type IBailleurLien = InferEntity<typeof BailleurLien>;

/** Each opening and each download through a link, with IP and time (shown as « ouvert le, téléchargé le »). */
export const BailleurAcces = defineEntity({
  name: 'BailleurAcces',
  properties: (p) => ({
    id: p.bigint('number').primary().autoincrement(),
    lien: p.manyToOne(BailleurLien),
    bailleur: p.manyToOne(Bailleur),
    type: p.enum([...TYPES_ACCES_BAILLEUR]),
    candidature: p.manyToOne(Candidature).nullable(),
    at: p.datetime(),
    ip: p.string().length(64).nullable(),
    details: p.json<Record<string, unknown>>().nullable(),
  }),
  indexes: [{ properties: ['lien', 'type', 'at'] }, { properties: ['candidature', 'type', 'at'] }],
});
export type IBailleurAcces = InferEntity<typeof BailleurAcces>;
