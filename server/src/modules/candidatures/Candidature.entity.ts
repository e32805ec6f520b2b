import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { CANAUX_DEMANDE, NATURES_OFFRE, ORIGINES_CANDIDATURE, PUBLICS_CIBLES, STATUTS_CANDIDATURE } from '@shared/domain/enums';
import { Demande } from '@server/modules/demandes/Demande.entity';
import { Demandeur } from '@server/modules/demandeurs/Demandeur.entity';
import { Offre } from '@server/modules/offres/Offre.entity';
import { Agent } from '@server/modules/agents/Agent.entity';

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
    /** Soft lock ("je prends le dossier"): last action of the agent holding it; lapses after 30 min idle. */
    verrouActiviteLe: p.datetime().nullable(),
    /**
     * R-RANK palier (shared/rules/classement.ts encoding: 1..3 public cible, 11..13 hors public
     * cible), refreshed in the same transaction as any change to the demande or its pieces, so the
     * ranking is one indexed ORDER BY (palier, dateCandidature, id) in SQL.
     */
    palier: p.smallint().default(3),
    motif: p.string().length(1000).nullable(),
    canal: p.enum([...CANAUX_DEMANDE]).nullable(),
    designeeLe: p.datetime().nullable(),
    /**
     * When it was first sent to its bailleur through the platform (« Envoyer au bailleur »), kept by a
     * trigger on bailleur_envoi_candidature: R-BAIL-RELANCE's wait starts there (else at the designation).
     */
    envoyeeBailleurLe: p.datetime().nullable(),
    /** The demande's public cible, copied by triggers (on insert, and when the demande's changes) for the queue's filter. */
    publicCible: p.enum([...PUBLICS_CIBLES]),
    clotureLe: p.datetime().nullable(),
    /** Optimistic lock: a concurrent transition on a stale row fails instead of applying twice. */
    version: p.integer().version(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
    updatedAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()).onUpdate(() => new Date()),
  }),
  indexes: [
    { name: 'candidature_une_ouverte_uidx', expression: `create unique index "candidature_une_ouverte_uidx" on "candidature" ("demandeur_id", "offre_id") where "statut" in ('deposee', 'en_instruction', 'transmise_bailleur')` },
    { name: 'candidature_a_traiter_idx', expression: `create index "candidature_a_traiter_idx" on "candidature" ("departement", "date_candidature") where "statut" = 'deposee' and "agent_en_charge_id" is null` },
    { name: 'candidature_offre_rang_idx', properties: ['offre', 'statut', 'dateCandidature', 'id'] },
    { name: 'candidature_offre_palier_idx', properties: ['offre', 'palier', 'dateCandidature', 'id'] },
    { name: 'candidature_queue_idx', properties: ['departement', 'statut', 'dateCandidature'] },
    { name: 'candidature_demandeur_statut_idx', properties: ['demandeur', 'statut'] },
    { name: 'candidature_public_cible_idx', properties: ['publicCible', 'departement', 'statut', 'dateCandidature', 'id'] },
    { name: 'candidature_attente_bailleur_idx', expression: `create index "candidature_attente_bailleur_idx" on "candidature" ("departement", (coalesce("envoyee_bailleur_le", "designee_le"))) where "statut" = 'transmise_bailleur'` },
  ],
});
export type ICandidature = InferEntity<typeof Candidature>;
