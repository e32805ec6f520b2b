import { envoisFr } from './fr/bailleurs';
import { enumsFr } from './fr/enums';
import { correspondancesFr, propositionsFr, publicationFr } from './fr/publication';
import { fraudeFr } from './fr/fraude';
import { pilotageFr } from './fr/pilotage';
import { instructionFr } from './fr/instruction';
import { referentielFr } from './fr/referentiel';
import { traitementFr } from './fr/traitement';
import { raccourcisFr } from './fr/raccourcis';
import { boiteEnvoiFr, tachesFr } from './fr/taches';
import { donneesFr } from './fr/donnees';
import type { Messages } from './types';

/**
 * The source catalogue of the console (the users are French). react-admin's own messages come
 * from ra-language-french; the `ra` section below only overrides a few of them.
 */
export const fr = {
  app: {
    title: 'Plateforme logement — back-office',
    choixAgent: { tapez: 'Tapez au moins deux lettres du nom', aucun: 'Aucun agent de ce nom', chargement: 'Recherche…', ouvrir: 'Ouvrir la liste' },
    recherche: { label: 'Rechercher une candidature', placeholder: 'Référence, nom, e-mail, téléphone…' },
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
      titreDerive: 'Le titre suit les données (typologie, surface, meublé, programme, commune) : il est recalculé à l’enregistrement.',
    },
    demandeurs: { suspendu: "Suspendu jusqu'au %{date}" },
    fichier: {
      ouvrir: 'Ouvrir le fichier',
      telecharger: 'Télécharger',
      /** Why an export's file cannot be downloaded yet, or any more. */
      indisponible: {
        en_attente: 'Le fichier sera disponible une fois l’export terminé.',
        en_cours: 'Le fichier sera disponible une fois l’export terminé.',
        echec: 'L’export a échoué : il n’y a pas de fichier.',
        expire: 'Le fichier a expiré : demandez un nouvel export.',
      },
    },
    agents: {
      motDePasseCreation: 'De 12 à 128 caractères, pas un mot de passe courant (une phrase de plusieurs mots, par exemple). Communiquez-le à l’agent par un canal sûr.',
      motDePasseEdition: 'Laisser vide pour conserver le mot de passe actuel. Un nouveau mot de passe met fin à toutes les sessions de l’agent.',
      revoquerSessions: 'Révoquer les sessions',
      revoquerSessionsTitre: 'Révoquer les sessions de %{nom} ?',
      revoquerSessionsAide: 'Toutes les sessions ouvertes de cet agent prennent fin immédiatement, sur tous ses appareils : il devra se reconnecter.',
      sessionsRevoquees: '%{smart_count} session révoquée. |||| %{smart_count} sessions révoquées.',
      territoiresAide: 'Codes département, par exemple 69, 2A, 971.',
    },
    validation: {
      dateFr: 'Date invalide : écrivez-la jj/mm/aaaa (par exemple 05/03/2026).',
      dateHeureFr: 'Date et heure invalides : écrivez-les jj/mm/aaaa hh:mm (par exemple 05/03/2026 09:30).',
      heureInexistante: 'Cette heure n’existe pas à Paris ce jour-là (passage à l’heure d’été) : choisissez 03:00 ou plus tard.',
      dateHeureAide: 'jj/mm/aaaa hh:mm, heure de Paris',
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
    auteur: { chargement: 'Agent…' },
    /** Counts in words, singular and plural (never « candidature(s) »). */
    comptes: {
      candidaturesCloturees: { zero: 'aucune candidature clôturée', n: '%{smart_count} candidature clôturée |||| %{smart_count} candidatures clôturées' },
    },
    publication: publicationFr,
    correspondances: correspondancesFr,
    propositions: propositionsFr,
    traitement: traitementFr,
    raccourcis: raccourcisFr,
    taches: tachesFr,
    boiteEnvoi: boiteEnvoiFr,
    pilotage: pilotageFr,
    fraude: fraudeFr,
    envois: envoisFr,
    donnees: donneesFr,
  },
  enums: enumsFr,
  resources: { ...instructionFr, ...referentielFr },
  ra: {
    auth: { username: 'Adresse e-mail' },
  },
};

/** The type every other catalogue (en.ts) must satisfy: same keys, string leaves. */
export type Catalogue = Messages<typeof fr>;
