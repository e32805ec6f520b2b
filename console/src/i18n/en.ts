import { envoisEn } from './en/bailleurs';
import { enumsEn } from './en/enums';
import { correspondancesEn, propositionsEn, publicationEn } from './en/publication';
import { fraudeEn } from './en/fraude';
import { pilotageEn } from './en/pilotage';
import { instructionEn } from './en/instruction';
import { referentielEn } from './en/referentiel';
import { traitementEn } from './en/traitement';
import { raccourcisEn } from './en/raccourcis';
import { boiteEnvoiEn, tachesEn } from './en/taches';
import { donneesEn } from './en/donnees';
import type { Catalogue } from './fr';

/** English catalogue: a translation of fr.ts, kept complete by its type. */
export const en = {
  app: {
    title: 'Housing platform — back office',
    choixAgent: { tapez: 'Type at least two letters of the name', aucun: 'No agent by that name', chargement: 'Searching…', ouvrir: 'Open the list' },
    recherche: { label: 'Search a candidature', placeholder: 'Reference, name, e-mail, phone…' },
    menu: { instruction: 'Processing', offres: 'Offers', controle: 'Control', pilotage: 'Steering', administration: 'Administration' },
    sections: {
      identite: 'Identity',
      compte: 'Account',
      foyer: 'Household',
      ressources: 'Income and target group',
      recherche: 'Housing search',
      suivi: 'Follow-up',
      fichier: 'File',
      fraude: 'Fraud control',
      logement: 'Dwelling',
      localisation: 'Location',
      publication: 'Publication',
      demandes: 'Requests',
      candidatures: 'Applications',
      justificatifs: 'Documents',
      suspensions: 'Suspensions',
      programmes: 'Programmes',
      offres: 'Offers',
      message: 'Message',
      historique: 'History',
    },
    candidatures: {
      classement: 'Indicative ranking, recomputed whenever a document or the request changes.',
      voirClassement: 'Open the ranking',
      palier: 'Tier %{n}',
      palierHorsPublic: 'Tier %{n} · outside target groups',
      mesDossiers: 'My files',
    },
    offres: {
      loyer: 'Rent',
      personnes: '%{smart_count} person |||| %{smart_count} people',
      fourchette: '%{min} to %{max}',
      aucunPlafond: 'No income ceiling',
      titreDerive: 'The title follows the data (typologie, surface, furnished, programme, commune): it is derived again on save.',
    },
    demandeurs: { suspendu: 'Suspended until %{date}' },
    fichier: {
      ouvrir: 'Open the file',
      telecharger: 'Download',
      indisponible: {
        en_attente: 'The file will be available once the export is done.',
        en_cours: 'The file will be available once the export is done.',
        echec: 'The export failed: there is no file.',
        expire: 'The file has expired: request a new export.',
      },
    },
    agents: {
      motDePasseCreation: '12 to 128 characters, not a common password (a phrase of several words, for example). Give it to the agent through a safe channel.',
      motDePasseEdition: 'Leave empty to keep the current password. A new password ends every session of the agent.',
      revoquerSessions: 'Revoke sessions',
      revoquerSessionsTitre: 'Revoke the sessions of %{nom}?',
      revoquerSessionsAide: 'Every open session of this agent ends at once, on every device: they will have to sign in again.',
      sessionsRevoquees: '%{smart_count} session revoked. |||| %{smart_count} sessions revoked.',
      territoiresAide: 'Department codes, e.g. 69, 2A, 971.',
    },
    validation: {
      dateFr: 'Invalid date: write it dd/mm/yyyy (e.g. 05/03/2026).',
      dateHeureFr: 'Invalid date and time: write them dd/mm/yyyy hh:mm (e.g. 05/03/2026 09:30).',
      heureInexistante: 'This time does not exist in Paris on that day (clocks go forward): choose 03:00 or later.',
      dateHeureAide: 'dd/mm/yyyy hh:mm, Paris time',
      siren: 'A SIREN has 9 digits.',
      siret: 'A SIRET has 14 digits.',
      codePostal: 'A postcode has 5 digits.',
      codeInsee: 'An INSEE code has 5 characters (e.g. 69123, 2A004).',
      departement: 'Department code expected (e.g. 69, 2A, 971).',
      surfaceOuFourchette: 'Give an area, or a range for a dwelling type.',
    },
    erreurs: {
      reseau: 'The server cannot be reached. Check your connection and try again.',
      serveur: 'The server hit an error. Try again in a moment.',
    },
    auteur: { chargement: 'Agent…' },
    comptes: {
      candidaturesCloturees: { zero: 'no application closed', n: '%{smart_count} application closed |||| %{smart_count} applications closed' },
    },
    publication: publicationEn,
    correspondances: correspondancesEn,
    propositions: propositionsEn,
    traitement: traitementEn,
    raccourcis: raccourcisEn,
    taches: tachesEn,
    boiteEnvoi: boiteEnvoiEn,
    pilotage: pilotageEn,
    fraude: fraudeEn,
    envois: envoisEn,
    donnees: donneesEn,
  },
  enums: enumsEn,
  resources: { ...instructionEn, ...referentielEn },
  ra: { auth: { username: 'Email' } },
} satisfies Catalogue;
