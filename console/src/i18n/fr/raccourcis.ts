/** Keyboard shortcuts (`app.raccourcis`): the « ? » help and what each key does, screen by screen. */
export const raccourcisFr = {
  titre: 'Raccourcis clavier',
  touche: 'Touche',
  action: 'Action',
  ou: 'ou',
  aide: 'Afficher cette aide',
  fermer: 'Fermer',
  inactifs: 'Les raccourcis ne s’appliquent pas pendant la saisie dans un champ ni quand une fenêtre est ouverte.',
  liste: {
    suivante: 'Ligne suivante',
    precedente: 'Ligne précédente',
    ouvrir: 'Ouvrir le dossier de la ligne',
  },
  dossier: {
    suivant: 'Dossier suivant de la file',
    precedent: 'Dossier précédent de la file',
    valider: 'Valider la pièce affichée',
    refuser: 'Refuser la pièce affichée (motif demandé)',
    pieceSuivante: 'Pièce suivante de la liste',
    actions: 'Actions du dossier (Instruire, Désigner…) : y aller',
  },
};
