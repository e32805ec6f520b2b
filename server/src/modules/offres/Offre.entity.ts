import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { FORMES_OFFRE, NATURES_OFFRE, REGLEMENTATIONS, TYPOLOGIES } from '@shared/domain/enums';
import { Bailleur } from '@server/modules/bailleurs/Bailleur.entity';
import { Programme } from '@server/modules/programmes/Programme.entity';

export const Offre = defineEntity({
  name: 'Offre',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    reference: p.string().length(30).unique(),
    titre: p.string().length(200),
    nature: p.enum([...NATURES_OFFRE]),
    forme: p.enum([...FORMES_OFFRE]),
    bailleur: p.manyToOne(Bailleur).index(),
    programme: p.manyToOne(Programme).index(),
    typologie: p.enum([...TYPOLOGIES]),
    /** Identified offers: one surface and rent; "type" offers: a range (§11.22). */
    surface: p.decimal('number').precision(6).scale(2).nullable(),
    surfaceMin: p.decimal('number').precision(6).scale(2).nullable(),
    surfaceMax: p.decimal('number').precision(6).scale(2).nullable(),
    loyer: p.decimal('number').precision(8).scale(2).nullable(),
    loyerMin: p.decimal('number').precision(8).scale(2).nullable(),
    loyerMax: p.decimal('number').precision(8).scale(2).nullable(),
    commune: p.string().length(100),
    codeInsee: p.string().length(5),
    codePostal: p.string().length(5),
    departement: p.string().length(3),
    reglementation: p.enum([...REGLEMENTATIONS]),
    /** Plafond de ressources (revenu fiscal de référence, €) by household size: {"1": 24000, …, "6": 60000}. */
    plafonds: p.json<Record<string, number>>(),
    nombreLogements: p.integer().default(1),
    publiee: p.boolean().default(false),
    debutPublication: p.datetime().nullable(),
    finPublication: p.datetime().nullable(),
    depublieeLe: p.datetime().nullable(),
    motifDepublication: p.string().length(500).nullable(),
    repriseLe: p.datetime().nullable(),
    /** §12: the bailleur let the dwelling outside the platform (date it happened, as reported) — the offer is closed for good. */
    attributionDirecteLe: p.datetime().nullable(),
    attributionDirecteMotif: p.string().length(500).nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
  indexes: [
    { name: 'offre_programme_typologie_idx', expression: `create index "offre_programme_typologie_idx" on "offre" ("programme_id", "typologie")` },{ properties: ['departement', 'nature'] }, { properties: ['publiee', 'finPublication'] }],
});
export type IOffre = InferEntity<typeof Offre>;
