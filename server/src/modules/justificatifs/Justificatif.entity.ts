import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { STATUTS_JUSTIFICATIF, TITULAIRES, TYPES_JUSTIFICATIF } from '@shared/domain/enums';
import { Demande } from '@server/modules/demandes/Demande.entity';
import { Agent } from '@server/modules/agents/Agent.entity';

export const Justificatif = defineEntity({
  name: 'Justificatif',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    demande: p.manyToOne(Demande),
    titulaire: p.enum([...TITULAIRES]),
    type: p.enum([...TYPES_JUSTIFICATIF]),
    statut: p.enum([...STATUTS_JUSTIFICATIF]).default('depose'),
    motifRefus: p.string().length(500).nullable(),
    dateValiditeFin: p.date().nullable(),
    /** Content address of the file in the storage (sha256 hex; server/src/storage). */
    sha256: p.string().length(64).index(),
    taille: p.integer(),
    mime: p.string().length(50),
    nomOriginal: p.string().length(200),
    metadonneesPdf: p.json<Record<string, string | null>>().nullable(),
    /** History: a replaced piece keeps its row, the new one points to it; only `actif` ones count. */
    remplace: p.integer().nullable(),
    actif: p.boolean().default(true),
    verifiePar: p.manyToOne(Agent).nullable(),
    verifieLe: p.datetime().nullable(),
    /** Fraud data (R-FRAUD-VIS): visible to controle_fraude only. */
    motifFalsification: p.string().length(1000).nullable(),
    deposeLe: p.datetime(),
  }),
  indexes: [
    { name: 'justificatif_demande_actif_idx', expression: `create index "justificatif_demande_actif_idx" on "justificatif" ("demande_id") where "actif"` },{ properties: ['demande', 'type', 'titulaire'] }],
});
export type IJustificatif = InferEntity<typeof Justificatif>;
