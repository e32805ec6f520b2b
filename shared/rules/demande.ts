/**
 * What the rules read of a demande (R-RANK, R-ELIG, R-DESIGNATE), derived once from its data:
 * the server's use cases and the demo seed call this instead of each mapping the fields.
 */
import type { DonneesDemande } from '@shared/domain/demande';
import type { DemandeRules } from '@shared/domain/types';

export type DemandePourRegles = Pick<
  DonneesDemande,
  'statut' | 'nombrePersonnes' | 'codemandeur' | 'revenuFiscalReference' | 'publicCible' | 'situationsPrioritaires' | 'accompagneServiceSalariesEnDifficulte'
>;

export function demandeRules(d: DemandePourRegles): DemandeRules {
  return {
    statut: d.statut,
    nombrePersonnes: d.nombrePersonnes,
    codemandeur: d.codemandeur !== null,
    revenuFiscalReference: d.revenuFiscalReference,
    publicCible: d.publicCible,
    situationsPrioritaires: d.situationsPrioritaires,
    accompagneServiceSalariesEnDifficulte: d.accompagneServiceSalariesEnDifficulte,
  };
}
