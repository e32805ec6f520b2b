import type { Messages } from '../types';
import type { donneesFr } from '../fr/donnees';

export const donneesEn: Messages<typeof donneesFr> = {
  journal: {
    verifier: 'Verify the log',
    titre: 'Audit log integrity',
    valide: 'Chain intact: %{n} events verified, %{jours} days sealed.',
    enAttente: '%{n} recent events await chaining (job « Audit log », every minute).',
    rompu: 'Chain broken',
    premier: 'First event at fault: no. %{id}',
    voir: 'Show the event',
    fermer: 'Close',
  },
  paquet: {
    bouton: 'Personal data (GDPR)',
    titre: 'Produce the applicant’s personal data',
    explication:
      'The ZIP file holds everything the platform keeps on this applicant (account, requests, applications, documents and their files, proposals, mails, suspensions as category and duration): for the applicant only. Producing it is audited with the name of who asked for it.',
    demandePar: 'Request received from (name, and channel: letter, e-mail…)',
    telecharger: 'Download the ZIP',
    annuler: 'Cancel',
  },
  conservation: {
    titre: 'Data retention',
    intro: 'Each kind of data is deleted or anonymised at the end of its period by the daily job « Data retention » (once, whatever the number of servers).',
    colonnes: { donnees: 'Data', duree: 'Period', depart: 'From', action: 'Then', source: 'Source' },
    actions: { suppression: 'Deletion', anonymisation: 'Anonymisation', effacement_contenu: 'Content erased', conservation: 'Kept (append-only)' },
  },
  traces: {
    titre: 'Access traces',
    intro: 'Reads of personal data by agents (record or list, filter, row count, address), kept 6 months (CNIL deliberation 2021-122).',
    filtres: { agentId: 'Agent', ressource: 'Data read', entiteId: 'Record (no.)' },
    chercher: 'Search',
    aucune: 'No trace for these criteria.',
    colonnes: { at: 'Date', agent: 'Agent', ressource: 'Resource', entite: 'Record', filtre: 'Filter (rows)', ip: 'Address' },
    toutes: 'All',
    ressources: {
      demandeurs: 'Applicants', demandes: 'Applications', candidatures: 'Candidatures', justificatifs: 'Documents', suspensions: 'Suspensions',
      propositions: 'Proposals', notifications: 'Mails', signalements: 'Reports',
      dossier: 'Candidature file', 'timeline-candidature': 'Candidature history', 'timeline-demande': 'Application history',
      'notes-candidature': 'Candidature notes', 'notes-demande': 'Application notes', classement: 'Offer ranking',
      correspondances: 'Applicants matching an offer', 'offres-similaires': 'Similar offers of a candidature',
    },
  },
};
