/**
 * Each person's story in dates, relative to `now`: account creation, demande(s), closure,
 * suspensions (R-SUSP), inactivity position (R-INACT), attribution, re-application (R-REAPPLY).
 */
import { ajouterMois } from '@shared/rules/calendrier';
import { finSuspension } from '@shared/rules/suspension';
import type { SeedContext } from './context';
import type { EntrepriseSeed } from './entreprises';
import { planFoyer } from './foyers';
import { plafonds } from './offres-data';
import { CGU_VERSION, type Activite, type DemandePlan, type PersonnePlan, type Profil, type SuspensionPlan } from './plan';
import type { Rng } from './prng';
import { alaSeconde, heureOuvree, HEURE, MINUTE, min, plusJours, plusMs, reference } from './util';
import { MOTIFS_SUSPENSION } from './textes';

type Base = Omit<DemandePlan, 'reference' | 'id'>;

export function planHistoires(ctx: SeedContext, personnes: PersonnePlan[], entreprises: EntrepriseSeed[]): void {
  let numero = 0;
  for (const p of personnes) {
    const rng = ctx.rng.fork(`histoire-${p.n}`);
    const demandes = histoire(ctx, rng, p, entreprises);
    p.demandes = demandes.map((d) => ({ ...d, reference: reference('DEM', ctx.annee, ++numero, 6), id: 0 }));
    const premiere = p.demandes[0]?.creeLe ?? plusJours(ctx.now, -rng.int(0, 5));
    p.creeLe = plusMs(premiere, -rng.int(10, 3 * 24 * 60) * MINUTE);
    if (p.cas !== 'a_verifier') {
      p.emailVerifieLe = plusMs(p.creeLe, rng.int(2, 240) * MINUTE);
      p.cguVersionAcceptee = CGU_VERSION;
    }
    if (p.cas === 'ferme') p.statutCompte = 'ferme';
    if (p.cas === 'a_verifier') p.statutCompte = 'a_verifier';
  }
}

function histoire(ctx: SeedContext, rng: Rng, p: PersonnePlan, entreprises: EntrepriseSeed[]): Base[] {
  const now = ctx.now;
  const jour = (j: number) => heureOuvree(rng, plusJours(now, j));
  let foyer = planFoyer(rng, p, entreprises, now);
  // Attributed households are modest ones: a T2/T3 under the PLUS plafond (every offer could suit them).
  const modeste = () => foyer.nombrePersonnes <= 3 && foyer.revenuFiscalReference <= 0.9 * plafonds(p.departement, 'plus')[String(foyer.nombrePersonnes)];
  for (let i = 0; (p.cas === 'attributaire' || p.cas === 'reattribution') && !modeste() && i < 100; i++) foyer = planFoyer(rng, p, entreprises, now);
  const profil = rng.weighted<Profil>([['valide', 35], ['complet', 20], ['socles', 25], ['incomplet', 20]]);
  const ouverte = (creeLe: Date, maj: Date, activite: Activite = 'actif'): Base => ({
    ...foyer,
    statut: 'complete',
    motifCloture: null,
    clotureLe: null,
    controleRenforce: false,
    signaleReattribution: false,
    derniereMiseAJour: maj,
    creeLe: min(creeLe, maj),
    profil,
    activite,
    candidatureAvant: activite === 'actif' ? now : maj,
    attribueLe: null,
  });
  const close = (creeLe: Date, clotureLe: Date, motif: DemandePlan['motifCloture'], avant: Date = clotureLe): Base => ({
    ...ouverte(creeLe, clotureLe),
    statut: 'cloturee',
    motifCloture: motif,
    clotureLe,
    candidatureAvant: avant,
  });
  const suspendre = (s: Omit<SuspensionPlan, 'levee'>, levee: SuspensionPlan['levee'] = null) => {
    p.suspensions.push({ ...s, levee });
    return s.debut;
  };
  switch (p.cas) {
    case 'normal': {
      const activite = rng.weighted<Activite>([['actif', 84], ['avertissement', 8], ['relance', 4], ['echeance', 4]]);
      const maj = derniereActivite(rng, now, activite);
      return [ouverte(jour(-rng.int(60, 420)), maj, activite)];
    }
    case 'a_verifier':
      return [];
    case 'brouillon': {
      const creeLe = jour(-rng.int(2, 40));
      return [{ ...ouverte(creeLe, min(now, plusJours(creeLe, rng.int(0, 2)))), statut: 'brouillon', profil: rng.pick<Profil>(['socles', 'incomplet']) }];
    }
    case 'ferme': {
      const clotureLe = jour(-rng.int(5, 60));
      return [close(plusJours(clotureLe, -rng.int(90, 300)), clotureLe, 'fermeture_compte')];
    }
    case 'cloture_agent': {
      const clotureLe = jour(-rng.int(3, 40));
      return [close(plusJours(clotureLe, -rng.int(90, 300)), clotureLe, 'agent')];
    }
    case 'inactivite_close': {
      const maj = plusJours(ajouterMois(now, -4), -rng.int(5, 30));
      // Closed by the nightly job at the 4-month mark (R-INACT).
      const clotureLe = plusMs(ajouterMois(maj, 4), rng.int(1, 5) * HEURE);
      return [{ ...close(plusJours(maj, -rng.int(20, 200)), clotureLe, 'inactivite', maj), derniereMiseAJour: maj }];
    }
    case 'attributaire': {
      const attribueLe = jour(-rng.int(5, 70));
      const d = close(plusJours(attribueLe, -rng.int(60, 300)), plusJours(attribueLe, rng.int(1, 3)), 'attribution', attribueLe);
      return [{ ...d, profil: 'valide', attribueLe }];
    }
    case 'reattribution': {
      const attribueLe = jour(-rng.int(60, 90));
      const ancienne = close(plusJours(attribueLe, -rng.int(150, 250)), plusJours(attribueLe, 2), 'attribution', attribueLe);
      const creeLe = jour(-rng.int(10, 30));
      return [{ ...ancienne, profil: 'valide', attribueLe }, { ...ouverte(creeLe, jour(-rng.int(0, 5))), signaleReattribution: true }];
    }
    case 'suspendu_fraude':
    case 'suspendu_incivilite': {
      const type = p.cas === 'suspendu_fraude' ? 'fraude' : 'incivilite';
      const debut = suspendre({ type, debut: jour(-rng.int(10, 60)), dureeMois: type === 'fraude' ? 24 : 6, motif: MOTIFS_SUSPENSION[type][0], recidive: false });
      return [close(plusJours(debut, -rng.int(90, 250)), debut, type)];
    }
    case 'suspension_terminee': {
      const debut = suspendre({ type: 'fraude', debut: heureOuvree(rng, ajouterMois(now, -10)), dureeMois: 6, motif: MOTIFS_SUSPENSION.fraude[1], recidive: false });
      const fin = finSuspension(debut, 6);
      return [close(plusJours(debut, -180), debut, 'fraude'), { ...ouverte(plusJours(fin, rng.int(5, 30)), jour(-rng.int(0, 10))), controleRenforce: true }];
    }
    case 'recidive': {
      const d1 = suspendre({ type: 'incivilite', debut: heureOuvree(rng, ajouterMois(now, -20)), dureeMois: 6, motif: MOTIFS_SUSPENSION.incivilite[1], recidive: false });
      const d2 = suspendre({ type: 'fraude', debut: jour(-rng.int(10, 30)), dureeMois: 12, motif: MOTIFS_SUSPENSION.fraude[2], recidive: true });
      const creeLe2 = plusJours(finSuspension(d1, 6), 20);
      return [close(plusJours(d1, -150), d1, 'incivilite'), { ...close(creeLe2, d2, 'fraude'), controleRenforce: true }];
    }
    case 'suspension_levee': {
      const leveeLe = jour(-40);
      const debut = suspendre(
        { type: 'incivilite', debut: jour(-100), dureeMois: 12, motif: MOTIFS_SUSPENSION.incivilite[2], recidive: false },
        { le: leveeLe, motif: 'Réclamation acceptée : les appels injurieux provenaient d’un tiers utilisant le numéro du demandeur.' },
      );
      return [close(plusJours(debut, -200), debut, 'incivilite'), { ...ouverte(plusJours(leveeLe, rng.int(3, 10)), jour(-rng.int(0, 7))), controleRenforce: true }];
    }
  }
}

/** derniereMiseAJour by R-INACT position: < 3 months, past 3 months, in the last 3 days, past 4 months. */
function derniereActivite(rng: Rng, now: Date, activite: Activite): Date {
  const quatre = ajouterMois(now, -4);
  const trois = ajouterMois(now, -3);
  const dans = (a: Date, b: Date) => alaSeconde(new Date(a.getTime() + rng.float() * (b.getTime() - a.getTime())));
  switch (activite) {
    case 'actif':
      return rng.chance(0.7) ? dans(plusJours(now, -30), plusJours(now, -0.05)) : dans(plusJours(trois, 2), plusJours(now, -30));
    case 'avertissement':
      // Half were warned already, half reached 3 months within the last days (the job's next run warns them).
      return rng.chance(0.5) ? dans(plusJours(quatre, 4), plusJours(trois, -6)) : dans(plusJours(trois, -4), plusJours(trois, -0.5));
    case 'relance':
      return dans(plusMs(quatre, 2 * HEURE), plusJours(quatre, 2.9));
    case 'echeance':
      return dans(plusJours(quatre, -30), plusJours(quatre, -1));
  }
}

