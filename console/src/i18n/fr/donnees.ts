/** Personal data (issue #14): the audit chain's verification, the data package, the retention table. */
export const donneesFr = {
  journal: {
    verifier: 'Vérifier le journal',
    titre: 'Intégrité du journal d’audit',
    valide: 'Chaîne intègre : %{n} événements vérifiés, %{jours} journées scellées.',
    enAttente: '%{n} événements récents attendent leur chaînage (tâche « Journal d’audit », chaque minute).',
    rompu: 'Chaîne rompue',
    premier: 'Premier événement en cause : n° %{id}',
    voir: 'Voir l’événement',
    fermer: 'Fermer',
  },
  paquet: {
    bouton: 'Données personnelles (RGPD)',
    titre: 'Produire les données personnelles du demandeur',
    explication:
      'Le fichier ZIP contient tout ce que la plateforme détient sur ce demandeur (compte, demandes, candidatures, pièces et leurs fichiers, propositions, courriels, suspensions en catégorie et durée) : à transmettre au demandeur seulement. La production est journalisée avec le nom du demandeur de la copie.',
    demandePar: 'Demande reçue de (nom, et canal : courrier, courriel…)',
    telecharger: 'Télécharger le ZIP',
    annuler: 'Annuler',
  },
  conservation: {
    titre: 'Conservation des données',
    intro:
      'Chaque catégorie de données est supprimée ou anonymisée à l’issue de sa durée par la tâche quotidienne « Conservation des données » (une seule fois, quel que soit le nombre de serveurs).',
    colonnes: { donnees: 'Données', duree: 'Durée', depart: 'À compter de', action: 'À l’issue', source: 'Source' },
    actions: { suppression: 'Suppression', anonymisation: 'Anonymisation', effacement_contenu: 'Effacement du contenu', conservation: 'Conservées (ajout seul)' },
  },
  traces: {
    titre: 'Traces d’accès',
    intro: 'Consultations de données personnelles par les agents (fiche ou liste, filtre, nombre de lignes, adresse), conservées 6 mois (CNIL, délibération 2021-122).',
    filtres: { agentId: 'Agent', ressource: 'Données consultées', entiteId: 'Dossier (n°)' },
    chercher: 'Rechercher',
    aucune: 'Aucune trace pour ces critères.',
    colonnes: { at: 'Date', agent: 'Agent', ressource: 'Ressource', entite: 'Dossier', filtre: 'Filtre (lignes)', ip: 'Adresse' },
    toutes: 'Toutes',
    ressources: {
      demandeurs: 'Demandeurs', demandes: 'Demandes', candidatures: 'Candidatures', justificatifs: 'Justificatifs', suspensions: 'Suspensions',
      propositions: 'Propositions', notifications: 'Courriels', signalements: 'Signalements',
      dossier: 'Dossier d’une candidature', 'timeline-candidature': 'Historique d’une candidature', 'timeline-demande': 'Historique d’une demande',
      'notes-candidature': 'Notes d’une candidature', 'notes-demande': 'Notes d’une demande', classement: 'Classement d’une offre',
      correspondances: 'Demandeurs correspondant à une offre', 'offres-similaires': 'Offres similaires d’une candidature',
    },
  },
};
