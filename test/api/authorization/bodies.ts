import type { ResourceName } from '@shared/domain/enums';

let n = 0;
const uniq = () => `${process.pid % 1000}${++n}`.padStart(6, '0');

/** Valid creation bodies for the resources with a generic create. */
export const BODIES: Partial<Record<ResourceName, Record<string, unknown>>> = {
  get bailleurs() {
    return { nom: 'Bailleur de test', siren: ('9' + uniq()).padEnd(9, '1').slice(0, 9), email: 'contact@bailleur.test' };
  },
  get entreprises() {
    return { siret: ('8' + uniq()).padEnd(14, '2').slice(0, 14), raisonSociale: 'Entreprise de test', contribution: 'peec' };
  },
  programmes: { nom: 'Résidence des Tests', bailleurId: 1, commune: 'Lyon', codeInsee: '69123', codePostal: '69003', departement: '69' },
  get offres() {
    return {
      reference: `OFF-T-${uniq()}`, titre: 'T2 lumineux', nature: 'classique', forme: 'identifie', bailleurId: 1, programmeId: 1,
      typologie: 'T2', surface: 45, loyer: 520, commune: 'Lyon', codeInsee: '69123', codePostal: '69003', departement: '69',
      reglementation: 'plus', plafonds: { '1': 24000, '2': 32000 },
    };
  },
  get agents() {
    return { email: `nouvel.agent.${uniq()}@als.test`, nom: 'Nouveau', prenom: 'Agent', role: 'conseiller', territoires: ['33'], motDePasse: 'un-mot-de-passe-long' };
  },
};

export const UPDATES: Partial<Record<ResourceName, Record<string, unknown>>> = {
  bailleurs: { email: 'nouveau@bailleur.test' },
  entreprises: { raisonSociale: 'Nouvelle raison sociale' },
  programmes: { adresse: '12 rue des Tests' },
  offres: { titre: 'Titre modifié' },
  agents: { territoires: ['69', '01'] },
};
