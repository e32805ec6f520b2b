/**
 * The household part of a demande: size, codemandeur, resources, public cible and its
 * entreprise, workplace, current home, searched sectors, priority situations.
 */
import type { PublicCible, SituationPrioritaire } from '@shared/domain/enums';
import type { Codemandeur, SecteurRecherche } from '@shared/domain/demande';
import { communesDe } from './communes';
import type { EntrepriseSeed } from './entreprises';
import { plafonds } from './offres-data';
import type { DemandePlan, PersonnePlan } from './plan';
import type { Rng } from './prng';
import { NOMS, PRENOMS_F, PRENOMS_M } from './noms';
import { dateNaissance } from './population';

export type Foyer = Pick<
  DemandePlan,
  | 'nombrePersonnes'
  | 'codemandeur'
  | 'revenuFiscalReference'
  | 'publicCible'
  | 'entreprise'
  | 'lieuTravailCodePostal'
  | 'lieuTravailCommune'
  | 'communeLogementActuel'
  | 'secteursRecherche'
  | 'situationsPrioritaires'
  | 'accompagneServiceSalariesEnDifficulte'
>;

const SITUATIONS_DALO: SituationPrioritaire[] = ['sans_domicile', 'hotel', 'fin_hebergement'];
const SITUATIONS_AUTRES: SituationPrioritaire[] = ['fin_hebergement', 'violences_familiales', 'mobilite_professionnelle', 'acces_emploi', 'hotel'];

function entreprisePour(rng: Rng, publicCible: PublicCible, departement: string, entreprises: EntrepriseSeed[]): EntrepriseSeed | null {
  const de = (c: EntrepriseSeed['contribution']) => entreprises.filter((e) => e.contribution === c);
  switch (publicCible) {
    case 'peec': {
      const [rhone, seine] = de('peec');
      return departement === '69' ? rhone : departement === '33' ? rng.pick([rhone, seine]) : seine;
    }
    case 'peaec':
      return rng.pick(de('peaec'));
    case 'pseec': {
      // The Lyon cleaning company has no rights left (R-PSEEC: DROITS_PSEEC_EPUISES in the queue).
      const [numerique, nettoyage] = de('pseec');
      return departement === '69' ? nettoyage : numerique;
    }
    case 'dalo':
    case 'daho':
      return rng.chance(0.4) ? de('peec')[departement === '69' ? 0 : 1] : null;
    case 'hors_public_cible':
      return null;
  }
}

function codemandeur(rng: Rng, p: PersonnePlan, now: Date): Codemandeur {
  const civilite = p.civilite === 'M' ? 'Mme' : 'M';
  return {
    civilite,
    nom: rng.chance(0.6) ? p.nom : rng.pick(NOMS),
    prenom: rng.pick(civilite === 'Mme' ? PRENOMS_F : PRENOMS_M),
    dateNaissance: dateNaissance(rng, now, 20, 62),
  };
}

export function planFoyer(rng: Rng, p: PersonnePlan, entreprises: EntrepriseSeed[], now: Date): Foyer {
  const nombrePersonnes = rng.weighted([[1, 35], [2, 25], [3, 17], [4, 13], [5, 6], [6, 4]]);
  const avecCodemandeur = nombrePersonnes >= 2 && rng.chance(0.6);
  const publicCible = rng.weighted<PublicCible>([['peec', 43], ['peaec', 11], ['pseec', 12], ['dalo', 6], ['daho', 4], ['hors_public_cible', 16]]);
  const entreprise = entreprisePour(rng, publicCible, p.departement, entreprises);
  // Resources around the PLUS plafond of the household size: most under it, some between PLUS and PLS.
  const plus = plafonds(p.departement, 'plus')[String(nombrePersonnes)];
  const facteur = publicCible === 'dalo' || publicCible === 'daho' ? 0.2 + rng.float() * 0.4 : 0.3 + rng.float() * 0.95;
  const communes = communesDe(p.departement);
  const travail = entreprise || (publicCible !== 'dalo' && publicCible !== 'daho' && rng.chance(0.7)) ? rng.pick(communes) : null;
  const secteurs: SecteurRecherche[] = rng
    .sample(communes, rng.weighted([[1, 40], [2, 35], [3, 25]]))
    .map((c) => ({ codeInsee: c.codeInsee, commune: c.nom, rayonKm: rng.pick([0, 0, 5, 5, 10, 10, 15, 20, 30]) }));
  const dalo = publicCible === 'dalo' || publicCible === 'daho';
  const situations: SituationPrioritaire[] = dalo
    ? rng.sample(SITUATIONS_DALO, rng.int(1, 2))
    : rng.chance(0.14)
      ? rng.sample(SITUATIONS_AUTRES, rng.weighted([[1, 80], [2, 20]]))
      : [];
  const logementActuel = situations.includes('sans_domicile') ? null : rng.pick(communes).nom;
  return {
    nombrePersonnes,
    codemandeur: avecCodemandeur ? codemandeur(rng, p, now) : null,
    revenuFiscalReference: Math.round((plus * facteur) / 10) * 10,
    publicCible,
    entreprise,
    lieuTravailCodePostal: travail?.codePostal ?? null,
    lieuTravailCommune: travail?.nom ?? null,
    communeLogementActuel: logementActuel,
    secteursRecherche: secteurs,
    situationsPrioritaires: situations,
    accompagneServiceSalariesEnDifficulte: publicCible !== 'hors_public_cible' && rng.chance(0.06),
  };
}
