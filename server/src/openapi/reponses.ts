/**
 * The response shapes of shared/api/ as zod schemas, for the route descriptions: each one
 * `satisfies z.ZodType<T>` of the TypeScript type the server builds and the console reads, so the
 * contract cannot drift from the code without the type check failing. Instants are ISO 8601 UTC
 * strings on the wire; days are 'YYYY-MM-DD'.
 */
import { z } from 'zod';
import type { CandidatureDecidee, CandidatureEnAttente, DecisionEnregistree, ListeBailleur, RapportTableau, SuiviCandidature, SuiviEnvoi, SuiviOffre } from '@shared/api/bailleurs';
import type { Statistiques } from '@shared/api/statistiques';
import {
  CONTRIBUTIONS, DECISIONS_BAILLEUR, MOTIFS_NON_RETENUE_BAILLEUR, NATURES_OFFRE, ORIGINES_ENVOI_BAILLEUR, STATUTS_CANDIDATURE,
} from '@shared/domain/enums';

const instant = z.iso.datetime();
const jour = z.iso.date();
const entier = z.number().int();

const effectif = z.strictObject({
  valeur: entier.nullable().meta({ description: 'L’effectif, ou null quand il est masqué' }),
  masque: z.boolean().meta({ description: 'Vrai pour un effectif de 1 à 4 (secret statistique, R-STATS)' }),
});

/** GET /api/statistiques. */
export const statistiques = z.strictObject({
  genereLe: instant,
  periode: z.strictObject({ from: jour, to: jour }).meta({ description: 'Jours de Paris, bornes incluses' }),
  candidatures: z.strictObject({
    total: entier,
    parStatut: z.array(z.strictObject({ statut: z.enum(STATUTS_CANDIDATURE), n: entier })),
    parDepartement: z.array(z.strictObject({ departement: z.string(), n: entier, ouvertes: entier })),
    parNature: z.array(z.strictObject({ nature: z.enum(NATURES_OFFRE), n: entier })),
  }),
  delaiDesignation: z
    .strictObject({ n: entier, medianeJours: z.number().nullable(), p90Jours: z.number().nullable() })
    .meta({ description: 'De la candidature à la désignation, pour les désignations de la période, en jours' }),
  suspensionsParMois: z.array(z.strictObject({ mois: z.string().meta({ description: 'YYYY-MM' }), n: entier })),
  offres: z.strictObject({ publiees: entier, sansCandidat: entier }),
  parContribution: z.array(z.strictObject({ contribution: z.enum(CONTRIBUTIONS), entreprises: effectif, demandesActives: effectif, designations: effectif })),
}) satisfies z.ZodType<Statistiques>;

const suiviEnvoi = z.strictObject({
  id: entier,
  origine: z.enum(ORIGINES_ENVOI_BAILLEUR),
  envoyeLe: instant,
  agent: z.string().nullable().meta({ description: 'L’agent qui a envoyé ; null pour la relance automatique' }),
  destinataire: z.string(),
  nombreCandidatures: entier,
  expireLe: instant,
  revoqueLe: instant.nullable(),
  ouvertLe: instant.nullable(),
  ouvertures: entier,
  candidatures: z.array(z.strictObject({
    candidatureId: entier,
    reference: z.string(),
    demandeur: z.string(),
    statut: z.enum(STATUTS_CANDIDATURE),
    decision: z.enum(DECISIONS_BAILLEUR).nullable(),
    dateCaleol: jour.nullable(),
    telechargeLe: instant.nullable(),
    dernierTelechargementLe: instant.nullable(),
    telechargements: entier,
  })),
}) satisfies z.ZodType<SuiviEnvoi>;

/** GET /api/candidatures/{id}/envois-bailleur. */
export const suiviCandidatureVue = z.strictObject({
  envois: z.array(suiviEnvoi),
  decision: z.strictObject({
    decision: z.enum(DECISIONS_BAILLEUR),
    motif: z.enum(MOTIFS_NON_RETENUE_BAILLEUR).nullable(),
    commentaire: z.string().nullable(),
    dateCaleol: jour,
    source: z.enum(['page', 'tableau']),
    decideLe: instant,
    bailleur: z.string(),
  }).nullable(),
}) satisfies z.ZodType<SuiviCandidature>;

/** GET /api/offres/{id}/envois-bailleur (the last 50). */
export const suiviOffreVue = z.strictObject({ envois: z.array(suiviEnvoi) }) satisfies z.ZodType<SuiviOffre>;

const enAttente = z.strictObject({
  id: entier,
  reference: z.string(),
  designeeLe: instant,
  envoyeeLe: instant,
  offre: z.strictObject({ reference: z.string(), titre: z.string(), typologie: z.string(), commune: z.string(), codePostal: z.string() }),
  demandeur: z.strictObject({ civilite: z.string(), prenom: z.string(), nom: z.string() }),
  nombrePersonnes: entier,
  pieces: z.array(z.string()).meta({ description: 'Les pièces jointes au dossier PDF (R-BAIL-MIN)' }),
  telechargeLe: instant.nullable(),
}) satisfies z.ZodType<CandidatureEnAttente>;

const decidee = z.strictObject({
  id: entier,
  reference: z.string(),
  offre: z.string(),
  statut: z.enum(STATUTS_CANDIDATURE),
  decision: z.enum(DECISIONS_BAILLEUR).nullable(),
  dateCaleol: jour.nullable(),
  decideLe: instant.nullable(),
}) satisfies z.ZodType<CandidatureDecidee>;

/** GET /api/bailleur/candidatures. */
export const listeBailleur = z.strictObject({ enAttente: z.array(enAttente), decidees: z.array(decidee) }) satisfies z.ZodType<ListeBailleur>;

/** POST /api/bailleur/candidatures/{id}/decision. */
export const decisionEnregistree = z.strictObject({
  candidatureId: entier, reference: z.string(), decision: z.enum(DECISIONS_BAILLEUR), dateCaleol: jour,
}) satisfies z.ZodType<DecisionEnregistree>;

/** POST /api/bailleur/tableau. */
export const rapportTableau = z.strictObject({
  lignes: z.array(z.strictObject({
    ligne: entier.meta({ description: 'Numéro de la ligne dans le tableau' }),
    reference: z.string().nullable(),
    resultat: z.enum(['appliquee', 'refusee', 'ignoree']),
    decision: z.enum(DECISIONS_BAILLEUR).optional(),
    code: z.string().optional().meta({ description: 'Le code du refus (comme la décision par la page)' }),
    raison: z.string().optional(),
  })),
  appliquees: entier,
  refusees: entier,
  ignorees: entier,
}) satisfies z.ZodType<RapportTableau>;
