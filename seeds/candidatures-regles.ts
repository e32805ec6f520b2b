/**
 * The rules the planned candidatures keep, from shared/rules: eligibility (R-ELIG), the limits
 * on open candidatures (R-LIMIT-CL, R-LIMIT-PROG, R-LIMIT-ID) and R-PSEEC.
 */
import { STATUTS_CANDIDATURE_OUVERTS, type StatutCandidature } from '@shared/domain/enums';
import { plafondApplicable, typologieAdaptee } from '@shared/rules/eligibilite';
import { verifierLimites, type CandidatureExistante } from '@shared/rules/limites';
import type { OffreSeed } from './offres';
import type { DemandePlan } from './plan';

export function estOuverte(statut: StatutCandidature): boolean {
  return (STATUTS_CANDIDATURE_OUVERTS as readonly StatutCandidature[]).includes(statut);
}

export function eligible(d: DemandePlan, o: OffreSeed): boolean {
  const plafond = plafondApplicable(o.plafonds, d.nombrePersonnes);
  return typologieAdaptee(o.typologie, d.nombrePersonnes) && (plafond === null || d.revenuFiscalReference <= plafond);
}

const limiteOffre = (o: OffreSeed) => ({ id: o.id, nature: o.nature, forme: o.forme, programmeId: o.programme.id, typologie: o.typologie });

/** Would one more open candidature on `o` break a limit, given the person's open candidatures? */
export function depasseLimites(ouvertes: readonly OffreSeed[], o: OffreSeed): boolean {
  const existantes: CandidatureExistante[] = ouvertes.map((x) => ({ statut: 'deposee', offre: limiteOffre(x) }));
  return verifierLimites(limiteOffre(o), existantes).length > 0;
}

/** R-PSEEC: a pseec entreprise without rights left: its employees' candidatures stay deposee. */
export function droitsPseecEpuises(d: DemandePlan): boolean {
  return d.entreprise?.contribution === 'pseec' && (d.entreprise.droitsPseecRestants ?? 0) <= 0;
}
