/**
 * 40 offers: both natures × both formes, every reglementation, realistic rents and surfaces,
 * and every publication state (in progress, upcoming, ended, dépubliée, taken back, never online).
 */
import type { FormeOffre, NatureOffre, Reglementation, Typologie } from '@shared/domain/enums';
import { titreOffre } from '@shared/rules/titreOffre';
import { Offre, type IOffre } from '@server/modules/offres/Offre.entity';
import { inserer, type SeedContext } from './context';
import type { ProgrammeSeed } from './programmes';
import { MOTIF_REPRISE, MOTIFS_DEPUBLICATION, PRIX_M2, SURFACES, plafonds } from './offres-data';
import { centimes, heureOuvree, plusJours, reference } from './util';

export type EtatPublication = 'en_cours' | 'a_venir' | 'terminee' | 'depubliee' | 'reprise' | 'jamais';

export interface OffreSeed {
  id: number;
  reference: string;
  titre: string;
  nature: NatureOffre;
  forme: FormeOffre;
  programme: ProgrammeSeed;
  typologie: Typologie;
  reglementation: Reglementation;
  departement: string;
  plafonds: Record<string, number>;
  nombreLogements: number;
  etat: EtatPublication;
  debutPublication: Date | null;
  finPublication: Date | null;
  /** When applications stop for good (fin, dépublication or reprise), null = still open. */
  fermeLe: Date | null;
  repriseLe: Date | null;
  estInli: boolean;
}

const NOMBRE = 40;
const FORMES: [NatureOffre, FormeOffre, number][] = [
  ['classique', 'identifie', 22],
  ['classique', 'type', 6],
  ['courte_duree', 'identifie', 7],
  ['courte_duree', 'type', 5],
];
const ETATS: [EtatPublication, number][] = [['en_cours', 27], ['a_venir', 4], ['terminee', 5], ['depubliee', 2], ['reprise', 1], ['jamais', 1]];
const REGL_CLASSIQUE: Reglementation[] = ['plai', 'plus', 'pls', 'pli', 'libre'];
const TYPO_CLASSIQUE: [Typologie, number][] = [['T1', 8], ['T2', 30], ['T3', 30], ['T4', 16], ['T5', 7], ['T6', 2], ['studio', 7]];
const TYPO_COURTE: [Typologie, number][] = [['chambre', 25], ['studio', 45], ['T1', 30]];

const repeter = <T>(pairs: [T, number][]): T[] => pairs.flatMap(([v, n]) => Array<T>(n).fill(v));

export async function seedOffres(ctx: SeedContext, programmes: ProgrammeSeed[]): Promise<OffreSeed[]> {
  const rng = ctx.rng.fork('offres');
  const formes = rng.shuffle(FORMES.flatMap(([n, f, k]) => Array<[NatureOffre, FormeOffre]>(k).fill([n, f])));
  const etats = rng.shuffle(repeter(ETATS));
  placerJamaisDansLeRhone(etats, formes, programmes);
  let depubliees = 0;
  const plan = formes.map(([nature, forme], i) => {
    const programme = programmes[i % programmes.length];
    const departement = programme.departement;
    const reglementation: Reglementation =
      nature === 'classique' ? REGL_CLASSIQUE[i % REGL_CLASSIQUE.length] : rng.weighted<Reglementation>([['residence_temporaire', 6], ['pli', 2], ['libre', 2]]);
    const typologie = rng.weighted(nature === 'classique' ? TYPO_CLASSIQUE : TYPO_COURTE);
    const [sMin, sMax] = SURFACES[typologie];
    const prix = PRIX_M2[departement][reglementation] * (nature === 'courte_duree' ? 1.15 : 1);
    const ecart = 0.92 + rng.float() * 0.16;
    const loyerDe = (s: number) => centimes(s * prix * ecart);
    const surface = sMin + rng.int(0, (sMax - sMin) * 2) / 2;
    const surfaceMax = Math.min(sMax + 4, surface + rng.int(4, 12));
    const etat = etats[i];
    const f = fenetre(ctx, etat, i);
    const motifDepublication = etat === 'depubliee' ? MOTIFS_DEPUBLICATION[depubliees++ % MOTIFS_DEPUBLICATION.length] : etat === 'reprise' ? MOTIF_REPRISE : null;
    return {
      row: {
        reference: reference('OFF', ctx.annee, i + 1, 4),
        // The title says what the row says (shared titreOffre): surface, typologie, furnished, programme, commune.
        titre: titreOffre({
          forme, nature, typologie, surface, surfaceMin: surface, surfaceMax, programme: programme.nom, commune: programme.commune,
        }),
        nature,
        forme,
        bailleur: programme.bailleur.id,
        programme: programme.id,
        typologie,
        surface: forme === 'identifie' ? surface : null,
        surfaceMin: forme === 'type' ? surface : null,
        surfaceMax: forme === 'type' ? surfaceMax : null,
        loyer: forme === 'identifie' ? loyerDe(surface) : null,
        loyerMin: forme === 'type' ? loyerDe(surface) : null,
        loyerMax: forme === 'type' ? loyerDe(surfaceMax) : null,
        commune: programme.commune,
        codeInsee: programme.codeInsee,
        codePostal: programme.codePostal,
        departement,
        reglementation,
        plafonds: plafonds(departement, reglementation),
        nombreLogements: forme === 'identifie' ? 1 : rng.int(3, 12),
        publiee: etat !== 'depubliee' && etat !== 'reprise' && etat !== 'jamais',
        debutPublication: f.debut,
        finPublication: f.fin,
        depublieeLe: f.depublieeLe,
        motifDepublication,
        repriseLe: f.repriseLe,
        createdAt: f.creeLe,
        updatedAt: f.depublieeLe ?? f.creeLe,
      },
      etat,
      programme,
      fermeLe: f.depublieeLe ?? f.fin,
    };
  });
  if (plan.length !== NOMBRE) throw new Error('offres: plan incomplet');
  const ids = await inserer<IOffre>(ctx.em, Offre, plan.map((p) => p.row));
  return plan.map(({ row, etat, programme, fermeLe }, i) => ({
    id: ids[i],
    reference: row.reference,
    titre: row.titre,
    nature: row.nature,
    forme: row.forme,
    programme,
    typologie: row.typologie,
    reglementation: row.reglementation,
    departement: row.departement,
    plafonds: row.plafonds,
    nombreLogements: row.nombreLogements,
    etat,
    debutPublication: row.debutPublication,
    finPublication: row.finPublication,
    fermeLe: fermeLe && fermeLe.getTime() <= ctx.now.getTime() ? fermeLe : null,
    repriseLe: row.repriseLe,
    estInli: programme.bailleur.estInli,
  }));
}

/**
 * The never-published offer (§11.17: an advisor pushes it to matching demandeurs) goes to a
 * classique offer of the Rhône with a generous reglementation, so that the demo conseiller of 69
 * has one to propose (e2e scenario 50-propositions): a swap of two states, nothing else moves.
 */
function placerJamaisDansLeRhone(etats: EtatPublication[], formes: [NatureOffre, FormeOffre][], programmes: ProgrammeSeed[]): void {
  const jamais = etats.indexOf('jamais');
  const rhone = (i: number) => programmes[i % programmes.length].departement === '69' && formes[i][0] === 'classique' && etats[i] === 'en_cours';
  const genereuse = (i: number) => ['pli', 'libre', 'pls'].includes(REGL_CLASSIQUE[i % REGL_CLASSIQUE.length]);
  const cible = etats.findIndex((_, i) => rhone(i) && genereuse(i));
  if (jamais < 0 || cible < 0 || programmes[jamais % programmes.length].departement === '69') return;
  [etats[jamais], etats[cible]] = [etats[cible], etats[jamais]];
}

interface Fenetre {
  creeLe: Date;
  debut: Date | null;
  fin: Date | null;
  depublieeLe: Date | null;
  repriseLe: Date | null;
}

function fenetre(ctx: SeedContext, etat: EtatPublication, i: number): Fenetre {
  const rng = ctx.rng.fork(`offre-fenetre-${i}`);
  const jour = (j: number) => heureOuvree(rng, plusJours(ctx.now, j));
  const none = { depublieeLe: null, repriseLe: null };
  switch (etat) {
    case 'en_cours': {
      const debut = jour(-rng.int(3, 80));
      // A couple of offers have no end date set (visible until an agent closes them).
      const fin = i % 13 === 0 ? null : jour(rng.int(7, 60));
      return { creeLe: plusJours(debut, -rng.int(2, 10)), debut, fin, ...none };
    }
    case 'a_venir': {
      const debut = jour(rng.int(2, 20));
      return { creeLe: jour(-rng.int(1, 10)), debut, fin: plusJours(debut, rng.int(30, 45)), ...none };
    }
    case 'terminee': {
      const debut = jour(-rng.int(130, 170));
      return { creeLe: plusJours(debut, -rng.int(2, 10)), debut, fin: jour(-rng.int(5, 40)), ...none };
    }
    case 'depubliee': {
      const debut = jour(-rng.int(40, 70));
      return { creeLe: plusJours(debut, -5), debut, fin: jour(rng.int(10, 30)), depublieeLe: jour(-rng.int(3, 15)), repriseLe: null };
    }
    case 'reprise': {
      const debut = jour(-rng.int(45, 60));
      const repriseLe = jour(-6);
      return { creeLe: plusJours(debut, -5), debut, fin: jour(20), depublieeLe: repriseLe, repriseLe };
    }
    case 'jamais':
      return { creeLe: jour(-rng.int(5, 20)), debut: null, fin: null, ...none };
  }
}
