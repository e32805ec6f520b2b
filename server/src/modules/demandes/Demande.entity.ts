import { defineEntity, type InferEntity } from '@mikro-orm/core';
import type { Codemandeur, SecteurRecherche } from '@shared/domain/demande';
import { MOTIFS_CLOTURE, PUBLICS_CIBLES, STATUTS_DEMANDE } from '@shared/domain/enums';
import { Demandeur } from '@server/modules/demandeurs/Demandeur.entity';
import { Entreprise } from '@server/modules/entreprises/Entreprise.entity';

export const Demande = defineEntity({
  name: 'Demande',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    reference: p.string().length(30).unique(),
    demandeur: p.manyToOne(Demandeur).index(),
    statut: p.enum([...STATUTS_DEMANDE]).default('brouillon'),
    motifCloture: p.enum([...MOTIFS_CLOTURE]).nullable(),
    clotureLe: p.datetime().nullable(),
    nombrePersonnes: p.integer(),
    codemandeur: p.json<Codemandeur>().nullable(),
    /** Revenu fiscal de référence N-2 of the household, in euros. */
    revenuFiscalReference: p.integer(),
    publicCible: p.enum([...PUBLICS_CIBLES]),
    entreprise: p.manyToOne(Entreprise).nullable().index(),
    lieuTravailCodePostal: p.string().length(5).nullable(),
    lieuTravailCommune: p.string().length(100).nullable(),
    communeLogementActuel: p.string().length(100).nullable(),
    secteursRecherche: p.json<SecteurRecherche[]>(),
    situationsPrioritaires: p.array().default('{}'),
    accompagneServiceSalariesEnDifficulte: p.boolean().default(false),
    /** §11.13: set on a new demande after a suspension has ended, until an agent clears it. */
    controleRenforce: p.boolean().default(false),
    /** R-REAPPLY: a new demande within 12 months of an attribuee candidature. */
    signaleReattribution: p.boolean().default(false),
    derniereMiseAJour: p.datetime(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
  indexes: [
    { name: 'demande_une_ouverte_uidx', expression: `create unique index "demande_une_ouverte_uidx" on "demande" ("demandeur_id") where "statut" <> 'cloturee'` },
    // §11.17 matching: complete demandes by the INSEE codes they search around (function als_secteurs_codes, migration …_correspondances).
    { name: 'demande_secteurs_codes_idx', expression: `create index "demande_secteurs_codes_idx" on "demande" using gin (als_secteurs_codes("secteurs_recherche")) where "statut" = 'complete'` },{ properties: ['statut', 'derniereMiseAJour'] }],
});
export type IDemande = InferEntity<typeof Demande>;
