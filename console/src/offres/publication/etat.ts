/**
 * The publication state of an offer as the console shows it, and which window actions make
 * sense now — both decided by the shared R-PUB rules (estPubliee, shared/rules/fenetrePublication),
 * never re-implemented here.
 */
import { ajouterJours } from '@shared/rules/calendrier';
import { depublier, prolonger, publier, renouveler, retirer, type EtatFenetre } from '@shared/rules/fenetrePublication';
import { estPubliee } from '@shared/rules/publication';
import type { OffreAction, OffreGeree } from '@console/data/offres';

export type EtatPublication = 'enLigne' | 'programmee' | 'terminee' | 'depubliee' | 'reprise' | 'attribueeHorsPlateforme' | 'jamais' | 'horsLigne';

export function etatFenetre(o: OffreGeree): EtatFenetre {
  return {
    publiee: o.publiee,
    debutPublication: o.debutPublication,
    finPublication: o.finPublication,
    depubliee: o.depublieeLe != null,
    retiree: o.repriseLe != null || o.attributionDirecteLe != null,
  };
}

export function etatPublication(o: OffreGeree, now: Date): EtatPublication {
  if (o.attributionDirecteLe) return 'attribueeHorsPlateforme';
  if (o.repriseLe) return 'reprise';
  if (o.depublieeLe) return 'depubliee';
  const e = etatFenetre(o);
  if (estPubliee(e, now)) return 'enLigne';
  if (!o.debutPublication) return 'jamais';
  if (o.finPublication && new Date(o.finPublication).getTime() <= now.getTime()) return 'terminee';
  if (o.publiee && new Date(o.debutPublication).getTime() > now.getTime()) return 'programmee';
  return 'horsLigne';
}

export const COULEUR_ETAT: Record<EtatPublication, 'success' | 'info' | 'default' | 'warning' | 'error'> = {
  enLigne: 'success',
  programmee: 'info',
  terminee: 'default',
  depubliee: 'warning',
  reprise: 'error',
  attribueeHorsPlateforme: 'error',
  jamais: 'default',
  horsLigne: 'default',
};

/**
 * The words of an action: « Renouveler » an offer that was never published is its first
 * publication (it sets the window and puts it online), so it says « Publier » (issue #15).
 */
export function cleAction(a: OffreAction, o: Pick<OffreGeree, 'debutPublication'>): string {
  return a === 'renouveler' && !o.debutPublication ? 'premierePublication' : a;
}

/** The actions the shared rule accepts for this offer now (with a plausible input where one is needed). */
export function actionsPossibles(o: OffreGeree, now: Date): OffreAction[] {
  const e = etatFenetre(o);
  const fin = o.finPublication ? new Date(o.finPublication) : null;
  const possibles: [OffreAction, boolean][] = [
    ['publier', publier(e, now).ok],
    ['prolonger', fin !== null && prolonger(e, ajouterJours(fin > now ? fin : now, 1), now).ok],
    ['raccourcir', !e.retiree && o.debutPublication !== null && (fin === null || fin > now)],
    ['renouveler', renouveler(e, now, ajouterJours(now, 30), now).ok],
    ['depublier', depublier(e, 'motif', now).ok],
    ['reprise-bailleur', retirer(e, 'motif', now).ok],
    ['attribution-directe', retirer(e, 'motif', now, now).ok],
  ];
  return possibles.filter(([, ok]) => ok).map(([a]) => a);
}
