import { enumsFr } from './fr/enums';
import { correspondancesFr, propositionsFr, publicationFr } from './fr/publication';
import { fraudeFr } from './fr/fraude';
import { pilotageFr } from './fr/pilotage';
import { instructionFr } from './fr/instruction';
import { referentielFr } from './fr/referentiel';
import { traitementFr } from './fr/traitement';
import { boiteEnvoiFr, tachesFr } from './fr/taches';
import type { Messages } from './types';

/**
 * The source catalogue of the console (the users are French). react-admin's own messages come
 * from ra-language-french; the `ra` section below only overrides a few of them.
 */
export const fr = {
  app: {
    title: 'Plateforme logement — back-office',
    menu: {
      instruction: 'Instruction',
      offres: 'Offres',
      controle: 'Contrôle',
      pilotage: 'Pilotage',
      administration: 'Administration',
    },
    sections: {
      identite: 'Identité',
      compte: 'Compte',
      foyer: 'Foyer',
      ressources: 'Ressources et public',
      recherche: 'Recherche de logement',
      suivi: 'Suivi',
      fichier: 'Fichier',
      fraude: 'Contrôle fraude',
      logement: 'Logement',
      localisation: 'Localisation',
      publication: 'Publication',
      demandes: 'Demandes',
      candidatures: 'Candidatures',
      justificatifs: 'Justificatifs',
      suspensions: 'Suspensions',
      programmes: 'Programmes',
      offres: 'Offres',
      message: 'Message',
      historique: 'Historique',
    },
    candidatures: {
      classement: 'Classement indicatif, recalculé à chaque changement de pièce ou de demande.',
      voirClassement: 'Ouvrir le classement',
      palier: 'Palier %{n}',
      palierHorsPublic: 'Palier %{n} · hors public cible',
      mesDossiers: 'Mes dossiers',
    },
    offres: {
      loyer: 'Loyer',
      personnes: '%{smart_count} personne |||| %{smart_count} personnes',
      fourchette: '%{min} à %{max}',
      aucunPlafond: 'Aucun plafond de ressources',
    },
    demandeurs: { suspendu: "Suspendu jusqu'au %{date}" },
    fichier: { ouvrir: 'Ouvrir le fichier', telecharger: 'Télécharger' },
    agents: {
      motDePasseCreation: 'Au moins 12 caractères. Communiquez-le à l’agent par un canal sûr.',
      motDePasseEdition: 'Laisser vide pour conserver le mot de passe actuel.',
      territoiresAide: 'Codes département, par exemple 69, 2A, 971.',
    },
    validation: {
      siren: 'Le SIREN compte 9 chiffres.',
      siret: 'Le SIRET compte 14 chiffres.',
      codePostal: 'Le code postal compte 5 chiffres.',
      codeInsee: 'Le code INSEE compte 5 caractères (ex. 69123, 2A004).',
      departement: 'Code département attendu (ex. 69, 2A, 971).',
      surfaceOuFourchette: 'Renseignez une surface, ou une fourchette pour un logement type.',
    },
    erreurs: {
      reseau: 'Le serveur est injoignable. Vérifiez votre connexion puis réessayez.',
      serveur: 'Le serveur a rencontré une erreur. Réessayez dans un instant.',
    },
    auteur: { nonVisible: 'Agent n° %{id}' },
    publication: publicationFr,
    correspondances: correspondancesFr,
    propositions: propositionsFr,
    traitement: traitementFr,
    taches: tachesFr,
    boiteEnvoi: boiteEnvoiFr,
    pilotage: pilotageFr,
    fraude: fraudeFr,
  },
  enums: enumsFr,
  resources: { ...instructionFr, ...referentielFr },
  ra: {
    auth: { username: 'Adresse e-mail' },
  },
};

/** The type every other catalogue (en.ts) must satisfy: same keys, string leaves. */
export type Catalogue = Messages<typeof fr>;
