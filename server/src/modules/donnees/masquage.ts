import { motifVisible } from '@shared/domain/enums';
import type { PaquetDonnees } from './paquet';

/**
 * R-FRAUD-VIS (§11.14) on the data package an agent produces (`GET /api/demandeurs/:id/donnees.zip`):
 * an agent who may not read a suspension's type (every role but contrôle fraude) must not read its
 * category through the package either. The copy such an agent produces says what the lists say:
 * `suspension` for the suspension's category, the demande's closure motive and the history's
 * closure motives, and the suspension notice's text (which names the category, §11.13) left out.
 * The demandeur's own copy (`/api/portail/mes-donnees`, `.zip`) stays complete.
 */
export const TEXTE_RESERVE = '[texte masqué : il indique la catégorie de la suspension]';

export function masquerFraude(p: PaquetDonnees): PaquetDonnees {
  return {
    ...p,
    demandes: p.demandes.map((d) => ({ ...d, motifCloture: motifVisible(d.motifCloture) })),
    suspensions: p.suspensions.map((s) => ({ ...s, categorie: 'suspension' })),
    historique: p.historique.map((h) => ({ ...h, motif: motifVisible(h.motif) })),
    notifications: p.notifications.map((n) => (n.template === 'suspension_appliquee' ? { ...n, corps: TEXTE_RESERVE } : n)),
  };
}
