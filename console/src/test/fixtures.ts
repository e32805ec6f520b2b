import type { ResourceName } from '@shared/domain/enums';
import type * as R from '@console/data/records';

/** One plausible record per resource, for rendering every page in tests. */
const at = '2026-03-12T08:14:00Z';
const nom = { demandeurId: 11, demandeurNom: 'Dupont', demandeurPrenom: 'Marie' };

const agent: R.Agent = { id: 7, email: 'claire.martin@als.test', nom: 'Martin', prenom: 'Claire', role: 'conseiller', territoires: ['69', '01'], actif: true, createdAt: at };
const bailleur: R.Bailleur = { id: 3, nom: 'Habitat Rhône', siren: '123456789', email: 'contact@habitat.test', estInli: false, createdAt: at };
const entreprise: R.Entreprise = { id: 4, siret: '12345678900012', raisonSociale: 'Transports Lyonnais', contribution: 'pseec', droitsPseecRestants: 3 };
const programme: R.Programme = { id: 5, nom: 'Les Terrasses', bailleurId: 3, adresse: '12 rue des Lilas', commune: 'Lyon', codeInsee: '69123', codePostal: '69003', departement: '69' };
const offre: R.Offre = {
  id: 31, reference: 'OFF-69-0031', titre: 'T3 lumineux', nature: 'classique', forme: 'identifie', bailleurId: 3, programmeId: 5,
  typologie: 'T3', surface: 64.5, surfaceMin: null, surfaceMax: null, loyer: 650, loyerMin: null, loyerMax: null,
  commune: 'Lyon', codeInsee: '69123', codePostal: '69003', departement: '69', reglementation: 'plus', plafonds: { '1': 24000, '2': 32000 },
  nombreLogements: 1, publiee: true, debutPublication: at, finPublication: '2026-04-12T21:59:59Z', depublieeLe: null,
  motifDepublication: null, repriseLe: null, nbCandidaturesOuvertes: 4,
};
const demandeur: R.Demandeur = {
  id: 11, civilite: 'Mme', nom: 'Dupont', prenom: 'Marie', email: 'marie.dupont@exemple.test', dateNaissance: '1990-05-12', telephone: '0601020304',
  statutCompte: 'actif', cguVersionAcceptee: '2026-01', derniereConnexion: at, desactiveLe: null, createdAt: at, suspenduJusquAu: '2026-09-12T22:00:00Z',
};
const demande: R.Demande = {
  id: 21, reference: 'DEM-2026-0021', ...nom, statut: 'complete', motifCloture: null, clotureLe: null, nombrePersonnes: 2,
  codemandeur: { civilite: 'M', nom: 'Durand', prenom: 'Paul', dateNaissance: '1988-01-02' }, revenuFiscalReference: 28000,
  publicCible: 'peec', entrepriseId: 4, lieuTravailCodePostal: '69007', lieuTravailCommune: 'Lyon', communeLogementActuel: 'Villeurbanne',
  secteursRecherche: [{ codeInsee: '69123', commune: 'Lyon', rayonKm: 10 }], situationsPrioritaires: ['hotel'],
  accompagneServiceSalariesEnDifficulte: false, controleRenforce: true, signaleReattribution: false, derniereMiseAJour: at, createdAt: at,
};
const justificatif: R.Justificatif = {
  id: 41, demandeId: 21, ...nom, titulaire: 'demandeur', type: 'avis_imposition', statut: 'depose', motifRefus: null,
  dateValiditeFin: '2026-12-31', taille: 320_000, mime: 'application/pdf', nomOriginal: 'avis.pdf', deposeLe: at, verifieLe: null, verifieParId: null,
  motifFalsification: 'Montant retouché', metadonneesPdf: { Producer: 'PhotoEditor' },
};
const candidature: R.Candidature = {
  id: 1, reference: 'CAND-2026-000001', demandeId: 21, ...nom, offreId: 31, offreReference: 'OFF-69-0031', departement: '69', nature: 'classique',
  statut: 'en_instruction', dateCandidature: at, origine: 'portail', agentEnChargeId: 7, agentEnChargeNom: 'Claire Martin', priseEnChargeLe: at,
  motif: null, canal: null, designeeLe: null, clotureLe: null,
};
const suspension: R.Suspension = { id: 51, ...nom, type: 'fraude', debut: at, fin: '2026-09-12T22:00:00Z', dureeMois: 6, leveeLe: null, active: true, motif: 'Faux avis', motifLevee: null, recidive: false };
const proposition: R.Proposition & { demandeurNom: string; demandeurPrenom: string; offreReference: string } = {
  id: 61, offreId: 31, offreReference: 'OFF-69-0031', ...nom, agentId: 7, statut: 'envoyee', message: 'Bonjour', envoyeeLe: at, expireLe: at, reponduLe: null, candidatureId: null,
};
const signalement: R.Signalement = { id: 71, type: 'telephone_partage', score: 80, preuves: { telephone: '0601020304' }, demandeurIds: [11], statut: 'nouveau', assigneeId: null, conclusion: null, createdAt: at };
const exportJob: R.Export = {
  id: 81, kind: 'designations_bailleur', params: { bailleurId: 3 }, destinataire: 'Habitat Rhône', statut: 'termine', progression: 100, agentId: 7,
  nomFichier: 'designations.xlsx', taille: 12_000, lignes: 42, erreur: null, expireLe: at, termineLe: at, createdAt: at,
};
const notification: R.Notification = {
  id: 91, demandeurId: 11, destinataire: 'marie.dupont@exemple.test', template: 'candidature_designee', sujet: 'Votre candidature', corps: 'Bonjour,\nVotre candidature…',
  statut: 'envoyee', tentatives: 1, envoyeeLe: at, erreur: null, createdAt: at,
};
const auditEvent: R.AuditEvent = { id: 101, at, acteurType: 'agent', acteurId: 7, action: 'instruire', entite: 'candidature', entiteId: 1, de: 'deposee', vers: 'en_instruction', motif: null, details: { ip: '127.0.0.1' } };

export const FIXTURES: Record<ResourceName, { id: number }> = {
  agents: agent, bailleurs: bailleur, entreprises: entreprise, programmes: programme, offres: offre, demandeurs: demandeur,
  demandes: demande, justificatifs: justificatif, candidatures: candidature, suspensions: suspension, propositions: proposition,
  signalements: signalement, exports: exportJob, notifications: notification, 'audit-events': auditEvent,
};
