/** Inserts every demande of the plan (old closed ones first, then the current one, per person). */
import { Demande, type IDemande } from '@server/modules/demandes/Demande.entity';
import { inserer, type SeedContext } from './context';
import type { DemandePlan, PersonnePlan } from './plan';

export async function seedDemandes(ctx: SeedContext, personnes: PersonnePlan[]): Promise<void> {
  const plans: [PersonnePlan, DemandePlan][] = personnes.flatMap((p) => p.demandes.map((d) => [p, d] as [PersonnePlan, DemandePlan]));
  const rows = plans.map(([p, d]) => ({
    reference: d.reference,
    demandeur: p.id,
    statut: d.statut,
    motifCloture: d.motifCloture,
    clotureLe: d.clotureLe,
    nombrePersonnes: d.nombrePersonnes,
    codemandeur: d.codemandeur,
    revenuFiscalReference: d.revenuFiscalReference,
    publicCible: d.publicCible,
    entreprise: d.entreprise?.id ?? null,
    lieuTravailCodePostal: d.lieuTravailCodePostal,
    lieuTravailCommune: d.lieuTravailCommune,
    communeLogementActuel: d.communeLogementActuel,
    secteursRecherche: d.secteursRecherche,
    situationsPrioritaires: d.situationsPrioritaires,
    accompagneServiceSalariesEnDifficulte: d.accompagneServiceSalariesEnDifficulte,
    controleRenforce: d.controleRenforce,
    signaleReattribution: d.signaleReattribution,
    derniereMiseAJour: d.derniereMiseAJour,
    createdAt: d.creeLe,
  }));
  const ids = await inserer<IDemande>(ctx.em, Demande, rows);
  plans.forEach(([, d], i) => (d.id = ids[i]));
}
