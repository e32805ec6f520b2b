import type { raccourcisFr } from '@console/i18n/fr/raccourcis';
import type { Messages } from '@console/i18n/types';

export const raccourcisEn = {
  titre: 'Keyboard shortcuts',
  touche: 'Key',
  action: 'Action',
  ou: 'or',
  aide: 'Show this help',
  fermer: 'Close',
  inactifs: 'Shortcuts do not apply while typing in a field or while a dialog is open.',
  liste: {
    suivante: 'Next row',
    precedente: 'Previous row',
    ouvrir: 'Open the row’s file',
  },
  dossier: {
    suivant: 'Next file in the queue',
    precedent: 'Previous file in the queue',
    valider: 'Validate the piece shown',
    refuser: 'Refuse the piece shown (asks for a reason)',
    pieceSuivante: 'Next piece in the list',
    actions: 'Go to the file actions (Instruct, Designate…)',
  },
} satisfies Messages<typeof raccourcisFr>;
