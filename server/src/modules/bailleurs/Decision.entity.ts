import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { DECISIONS_BAILLEUR, MOTIFS_NON_RETENUE_BAILLEUR } from '@shared/domain/enums';
import { Candidature } from '@server/modules/candidatures/Candidature.entity';
import { Bailleur } from './Bailleur.entity';
import { BailleurEnvoi } from './Envoi.entity';
import { BailleurLien } from './Lien.entity';

/**
 * R-BAIL-DECISION: the bailleur's answer, one per candidature (the primary key is the second
 * guard of « nothing applied twice », after the lifecycle), written in the transaction of the
 * transition with its audit event and the demandeur's notification.
 */
export const BailleurDecision = defineEntity({
  name: 'BailleurDecision',
  properties: (p) => ({
    candidature: p.oneToOne(Candidature).owner().primary(),
    bailleur: p.manyToOne(Bailleur),
    lien: p.manyToOne(BailleurLien),
    decision: p.enum([...DECISIONS_BAILLEUR]),
    motif: p.enum([...MOTIFS_NON_RETENUE_BAILLEUR]).nullable(),
    commentaire: p.string().length(800).nullable(),
    dateCaleol: p.date(),
    /** `page` (the form) or `tableau` (the uploaded XLSX, with its row). */
    source: p.enum(['page', 'tableau'] as const),
    ligne: p.integer().nullable(),
    decideLe: p.datetime(),
    ip: p.string().length(64).nullable(),
  }),
});
export type IBailleurDecision = InferEntity<typeof BailleurDecision>;

/**
 * R-BAIL-RELANCE: one reminder per candidature, whatever the number of job runs or replicas: the
 * job inserts ON CONFLICT DO NOTHING in the transaction of the reminder's envoi and mail.
 */
export const BailleurRelance = defineEntity({
  name: 'BailleurRelance',
  properties: (p) => ({
    candidature: p.oneToOne(Candidature).owner().primary(),
    envoi: p.manyToOne(BailleurEnvoi),
    relanceLe: p.datetime(),
  }),
});
export type IBailleurRelance = InferEntity<typeof BailleurRelance>;
