/** The JSON shapes of the API (camelCase fields, many-to-one relations as `<rel>Id`). */
import type * as E from '@shared/domain/enums';

type Iso = string;
type Ref = number;

export interface Agent { id: Ref; email: string; nom: string; prenom: string; role: E.Role; territoires: string[]; actif: boolean; createdAt: Iso }
export interface Bailleur { id: Ref; nom: string; siren: string; email: string; estInli: boolean; createdAt: Iso }
export interface Entreprise { id: Ref; siret: string; raisonSociale: string; contribution: E.Contribution; droitsPseecRestants: number | null }
export interface Programme {
  id: Ref; nom: string; bailleurId: Ref; adresse: string | null; commune: string; codeInsee: string; codePostal: string; departement: string;
}

export interface Offre {
  id: Ref; reference: string; titre: string; nature: E.NatureOffre; forme: E.FormeOffre; bailleurId: Ref; programmeId: Ref | null;
  typologie: E.Typologie; surface: number | null; surfaceMin: number | null; surfaceMax: number | null;
  loyer: number | null; loyerMin: number | null; loyerMax: number | null;
  commune: string; codeInsee: string; codePostal: string; departement: string; reglementation: E.Reglementation;
  /** Household size → ceiling in euros. */
  plafonds: Record<string, number>;
  nombreLogements: number; publiee: boolean; debutPublication: Iso | null; finPublication: Iso | null;
  depublieeLe: Iso | null; motifDepublication: string | null; repriseLe: Iso | null; nbCandidaturesOuvertes?: number;
}

export interface Demandeur {
  id: Ref; civilite: E.Civilite; nom: string; prenom: string; email: string; dateNaissance: string | null; telephone: string | null;
  statutCompte: E.StatutCompte; cguVersionAcceptee: string | null; derniereConnexion: Iso | null; desactiveLe: Iso | null;
  createdAt: Iso; suspenduJusquAu: Iso | null;
}

/** Denormalised name of the demandeur, carried by several lists. */
interface WithDemandeurNom { demandeurId: Ref; demandeurNom: string; demandeurPrenom: string }

export interface Demande extends WithDemandeurNom {
  id: Ref; reference: string; statut: E.StatutDemande; motifCloture: E.MotifClotureVisible | null; clotureLe: Iso | null;
  nombrePersonnes: number; codemandeur: { civilite: E.Civilite; nom: string; prenom: string; dateNaissance: string } | null;
  revenuFiscalReference: number; publicCible: E.PublicCible; entrepriseId: Ref | null;
  lieuTravailCodePostal: string | null; lieuTravailCommune: string | null; communeLogementActuel: string | null;
  secteursRecherche: { codeInsee: string; commune: string; rayonKm: number }[];
  situationsPrioritaires: E.SituationPrioritaire[]; accompagneServiceSalariesEnDifficulte: boolean;
  controleRenforce: boolean; signaleReattribution: boolean; derniereMiseAJour: Iso; createdAt: Iso;
}

export interface Justificatif extends WithDemandeurNom {
  id: Ref; demandeId: Ref; titulaire: E.Titulaire; type: E.TypeJustificatif; statut: E.StatutJustificatif;
  motifRefus: string | null; dateValiditeFin: string | null; taille: number; mime: string; nomOriginal: string;
  deposeLe: Iso; verifieLe: Iso | null; verifieParId: Ref | null;
  /** Fraud-only fields (R-FRAUD-VIS): absent for everyone but controle_fraude. */
  motifFalsification?: string | null; metadonneesPdf?: Record<string, string | null> | null;
}

export interface Candidature extends WithDemandeurNom {
  id: Ref; reference: string; demandeId: Ref; offreId: Ref; departement: string; nature: E.NatureOffre; statut: E.StatutCandidature;
  dateCandidature: Iso; origine: E.OrigineCandidature; agentEnChargeId: Ref | null; priseEnChargeLe: Iso | null;
  motif: string | null; canal: E.CanalDemande | null; designeeLe: Iso | null; clotureLe: Iso | null;
  offreReference: string; agentEnChargeNom: string | null;
  /** UI-SUIVI: the caller follows it; changed since his last visit (null when he does not follow it). */
  suivi?: boolean; modifieDepuisVisite?: boolean | null;
  /** Present when the list is filtered by one offer (R-RANK-EXPLAIN). */
  rang?: number; palier?: number | string; motifRang?: string;
  /** UI-FILE: pieces of its demande waiting to be checked; whole days since it was made (open ones; null otherwise). */
  piecesAVerifier?: number | null; joursAttente?: number | null;
}

export interface RangClassement {
  rang: number; palier: number | string; motif: string; candidatureId: Ref; demandeurId: Ref; statut: E.StatutCandidature; dateCandidature: Iso;
}

export interface Suspension extends WithDemandeurNom {
  id: Ref; debut: Iso; fin: Iso; dureeMois: number; leveeLe: Iso | null; active: boolean;
  /** Fraud-only fields (R-FRAUD-VIS): absent for everyone but controle_fraude (the type tells the motive's category). */
  type?: E.TypeSuspension; motif?: string; motifLevee?: string | null; recidive?: boolean; creeParId?: Ref; leveeParId?: Ref | null;
}

/** GET /api/suspensions/apercu: what applying a suspension now would do (R-SUSP). */
export interface ApercuSuspension {
  demandeurId: Ref; type: E.TypeSuspension; dureeMois: number; debut: Iso; fin: Iso; recidive: boolean; suspensionsAnterieures: number;
  dejaSuspendu: boolean; suspenduJusquAu: Iso | null; demande: { id: Ref; reference: string; statut: E.StatutDemande } | null;
  candidatures: { id: Ref; reference: string; statut: E.StatutCandidature; offreReference: string; departement: string }[];
  nombreCandidatures: number;
}

export interface DesactivationComptes {
  demandeurIds: Ref[]; demandesCloturees: Ref[]; candidaturesCloturees: Ref[]; propositionsExpirees: Ref[]; signalement: Signalement;
}

export interface Proposition {
  id: Ref; offreId: Ref; demandeurId: Ref; agentId: Ref; statut: E.StatutProposition; message: string | null;
  envoyeeLe: Iso; expireLe: Iso; reponduLe: Iso | null; candidatureId: Ref | null;
}

export interface Signalement {
  id: Ref; type: E.TypeSignalement; score: number; preuves: Record<string, unknown>; demandeurIds: Ref[];
  statut: E.StatutSignalement; assigneeId: Ref | null; conclusion: string | null; createdAt: Iso;
}

export interface Export {
  id: Ref; kind: E.TypeExport; params: Record<string, unknown>; destinataire: string; statut: E.StatutExport; progression: number;
  agentId: Ref; nomFichier: string | null; taille: number | null; lignes: number | null; erreur: string | null;
  expireLe: Iso | null; termineLe: Iso | null; createdAt: Iso;
}

export interface Notification {
  id: Ref; demandeurId: Ref | null; destinataire: string; template: string; sujet: string; corps: string;
  /** « Prénom Nom » of the demandeur the message is for (issue #15: names, not numbers). */
  demandeurNom?: string | null;
  statut: E.StatutNotification; tentatives: number; envoyeeLe: Iso | null; erreur: string | null; createdAt: Iso;
  /** Delivery (jobs): `smtp` or `boite` (no SMTP_URL), the stable Message-ID, the next attempt or lease end. */
  canal?: 'smtp' | 'boite' | null; messageId?: string | null; prochainEssai?: Iso | null;
}

export interface AuditEvent {
  id: Ref; at: Iso; acteurType: E.Acteur; acteurId: Ref | null; action: string; entite: string; entiteId: Ref | null;
  /** The actor in words: the agent's or bailleur's name, « Demandeur », « Système » (issue #15). */
  acteurNom?: string | null;
  de: string | null; vers: string | null; motif: string | null; details?: Record<string, unknown> | null;
}
