/**
 * The shapes the portal answers (for the OpenAPI contract: outside clients build on them). The
 * routers build these objects from SQL; `test/api/openapi/` checks the document, the portal
 * tests check the values.
 */
import { z } from 'zod';
import {
  CIVILITES, FORMES_OFFRE, NATURES_OFFRE, ORIGINES_CANDIDATURE, PUBLICS_CIBLES, REGLEMENTATIONS, STATUTS_CANDIDATURE, STATUTS_COMPTE,
  STATUTS_DEMANDE, STATUTS_JUSTIFICATIF, STATUTS_PROPOSITION, TITULAIRES, TYPES_JUSTIFICATIF, TYPOLOGIES,
} from '@shared/domain/enums';

const instant = z.iso.datetime();
const jour = z.iso.date();
const n = z.number();

export const compteCree = z.object({ email: z.string(), statutCompte: z.literal('a_verifier'), message: z.string() });
export const connexionReponse = z.object({
  token: z.string(), expiresAt: instant, cguAAccepter: z.boolean(), cguVersion: z.string().nullable(),
  demandeur: z.object({ id: z.number().int(), civilite: z.enum(CIVILITES), nom: z.string(), prenom: z.string(), email: z.string() }),
});
export const cguEnVigueur = z.object({ version: z.string(), publieeLe: instant, resume: z.string().nullable() }).loose().nullable();
export const compte = z.object({
  id: z.number().int(), civilite: z.enum(CIVILITES), nom: z.string(), prenom: z.string(), email: z.string(), dateNaissance: jour.nullable(),
  telephone: z.string().nullable(), statutCompte: z.enum(STATUTS_COMPTE), cguVersionAcceptee: z.string().nullable(),
  derniereConnexion: instant.nullable(), createdAt: instant,
});
export const compteFerme = z.object({ statutCompte: z.literal('ferme'), demandesCloturees: z.number().int(), candidaturesCloturees: z.number().int(), propositionsExpirees: z.number().int() });

const pieceVue = z.object({
  id: z.number().int(), type: z.enum(TYPES_JUSTIFICATIF), titulaire: z.enum(TITULAIRES),
  statut: z.enum(STATUTS_JUSTIFICATIF.filter((s) => s !== 'falsifie') as ['depose', 'valide', 'refuse', 'expire']),
  motifRefus: z.string().nullable(), dateValiditeFin: jour.nullable(), nomOriginal: z.string(), taille: z.number().int(), mime: z.string(),
  deposeLe: instant, remplace: z.number().int().nullable(),
});
export const demandeVue = z.object({
  id: z.number().int(), reference: z.string(), statut: z.enum(STATUTS_DEMANDE), nombrePersonnes: z.number().int(),
  codemandeur: z.object({ civilite: z.enum(CIVILITES), nom: z.string(), prenom: z.string(), dateNaissance: jour }).nullable(),
  revenuFiscalReference: n, publicCible: z.enum(PUBLICS_CIBLES), entreprise: z.object({ siret: z.string(), raisonSociale: z.string() }).nullable(),
  lieuTravailCodePostal: z.string().nullable(), lieuTravailCommune: z.string().nullable(), communeLogementActuel: z.string().nullable(),
  secteursRecherche: z.array(z.object({ codeInsee: z.string(), commune: z.string(), rayonKm: n })), situationsPrioritaires: z.array(z.string()),
  accompagneServiceSalariesEnDifficulte: z.boolean(), derniereMiseAJour: instant, createdAt: instant,
  piecesSocles: z.array(z.object({ type: z.enum(TYPES_JUSTIFICATIF), titulaire: z.enum(TITULAIRES), ok: z.boolean() })),
  justificatifs: z.array(pieceVue).meta({ description: 'Une pièce falsifiée apparaît « refuse » (R-FRAUD-VIS)' }),
  piecesDemandees: z.array(z.object({
    type: z.enum(TYPES_JUSTIFICATIF), titulaire: z.enum(TITULAIRES), motif: z.string(), demandeeLe: instant, candidatureReference: z.string(),
  })).meta({ description: 'Pièces qu’un conseiller a demandées et qui ne sont pas encore déposées (« Pièce demandée le … : motif ») ; le dépôt de la pièce les satisfait' }),
});
export const pieceDeposee = z.object({
  id: z.number().int(), type: z.enum(TYPES_JUSTIFICATIF), titulaire: z.enum(TITULAIRES), statut: z.literal('depose'), nomOriginal: z.string(),
  taille: z.number().int(), mime: z.enum(['application/pdf', 'image/jpeg', 'image/png']), remplace: z.number().int().nullable(), deposeLe: instant,
  statutDemande: z.enum(STATUTS_DEMANDE),
});

const offreBase = {
  id: z.number().int(), reference: z.string(), titre: z.string(), nature: z.enum(NATURES_OFFRE), forme: z.enum(FORMES_OFFRE), typologie: z.enum(TYPOLOGIES),
  surface: n.nullable(), surfaceMin: n.nullable(), surfaceMax: n.nullable(), loyer: n.nullable(), loyerMin: n.nullable(), loyerMax: n.nullable(),
  commune: z.string(), codeInsee: z.string(), codePostal: z.string(), departement: z.string(), reglementation: z.enum(REGLEMENTATIONS),
  plafonds: z.record(z.string(), n).meta({ description: 'Plafond de ressources par nombre de personnes' }), nombreLogements: z.number().int(),
  debutPublication: instant.nullable(), finPublication: instant.nullable(), bailleur: z.string(), estInli: z.boolean(), programme: z.string().nullable(),
};
export const offrePubliee = z.object(offreBase);
export const offreTrouvee = z.object({ ...offreBase, distanceKm: n.nullable().meta({ description: '0 dans une commune demandée ; null sans communes' }) });

export const candidatureCreee = z.object({
  id: z.number().int(), reference: z.string(), offreId: z.number().int(), offre: z.string(), demandeId: z.number().int(), statut: z.literal('deposee'),
  dateCandidature: instant, origine: z.enum(ORIGINES_CANDIDATURE),
});
export const candidatureVue = z.object({
  id: z.number().int(), reference: z.string(), statut: z.enum(STATUTS_CANDIDATURE), dateCandidature: instant, origine: z.enum(ORIGINES_CANDIDATURE),
  offreId: z.number().int(), offre: z.string(), titre: z.string(), nature: z.enum(NATURES_OFFRE), forme: z.enum(FORMES_OFFRE), typologie: z.enum(TYPOLOGIES),
  commune: z.string(), bailleur: z.string(),
});
export const candidatureAnnulee = z.object({ id: z.number().int(), reference: z.string(), statut: z.enum(STATUTS_CANDIDATURE) });
export const propositionVue = z.object({
  id: z.number().int(), statut: z.enum(STATUTS_PROPOSITION), message: z.string().nullable(), envoyeeLe: instant, expireLe: instant, reponduLe: instant.nullable(),
  candidatureId: z.number().int().nullable(), offreId: z.number().int(), offre: z.string(), titre: z.string(), nature: z.enum(NATURES_OFFRE),
  forme: z.enum(FORMES_OFFRE), typologie: z.enum(TYPOLOGIES), commune: z.string(), codePostal: z.string(), loyer: n.nullable(), loyerMin: n.nullable(),
  loyerMax: n.nullable(), surface: n.nullable(), surfaceMin: n.nullable(), surfaceMax: n.nullable(), bailleur: z.string(),
});
export const propositionAcceptee = z.object({ id: z.number().int(), statut: z.literal('acceptee'), candidature: candidatureCreee });
export const propositionRefusee = z.object({ id: z.number().int(), statut: z.literal('refusee') });
