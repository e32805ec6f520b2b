/**
 * R-PUB (§11.18, §11.19, §11.27, §12): what an agent may do with an offer's publication window.
 * Each function answers the changes to store, or the refusal with its stable code:
 *
 *   prolonger {fin}        the running window ends later: fin > current fin and fin > now
 *   raccourcir {fin}       the running (or scheduled) window ends earlier: debut < fin < current fin, fin > now
 *   renouveler {debut,fin} a new window for an offer not visible now: debut < fin, fin > now; puts it online
 *   publier                puts online an offer that has a window not yet ended (also after a dépublication)
 *   depublier {motif}      hides a visible or scheduled offer early (§11.19); candidatures are untouched
 *   retirer {motif}        taken back by the bailleur (§11.27) or let outside the platform (§12): hidden
 *                          for good, no further window action (OFFRE_RETIREE)
 *
 * The window is that of ./publication (half-open [debut, fin)); "ended" means fin ≤ now. Codes
 * of CODES_ENTREE_INVALIDE are bad input (HTTP 400), the others are refusals of the rules (409).
 */
import type { Instant, Refus } from '@shared/domain/types';
import { versDate } from './calendrier';
import { estPubliee, type OffrePublication } from './publication';

export interface EtatFenetre extends OffrePublication {
  /** Taken back by the bailleur or let outside the platform: closed for good. */
  retiree: boolean;
}

export const CODES_ENTREE_INVALIDE = ['FENETRE_INVALIDE', 'MOTIF_REQUIS', 'DATE_FUTURE'] as const;
export type CodeFenetre =
  | (typeof CODES_ENTREE_INVALIDE)[number]
  | 'OFFRE_RETIREE'
  | 'DATE_PASSEE'
  | 'FENETRE_ABSENTE'
  | 'FENETRE_TERMINEE'
  | 'PROLONGATION_INVALIDE'
  | 'RACCOURCISSEMENT_INVALIDE'
  | 'DEJA_PUBLIEE'
  | 'DEJA_DEPUBLIEE'
  | 'NON_PUBLIEE';

/** The columns an action writes (absent = unchanged). */
export interface ChangementsFenetre {
  publiee?: boolean;
  debutPublication?: Date;
  finPublication?: Date;
  depublieeLe?: Date | null;
  motifDepublication?: string | null;
}

export type ResultatFenetre = { ok: true; changements: ChangementsFenetre } | ({ ok: false } & Refus<CodeFenetre>);

const non = (code: CodeFenetre, raison: string): ResultatFenetre => ({ ok: false, code, raison });
const oui = (changements: ChangementsFenetre): ResultatFenetre => ({ ok: true, changements });
const t = (i: Instant, borne: 'debut' | 'fin' = 'debut') => versDate(i, borne).getTime();

export function estEntreeInvalide(code: CodeFenetre): boolean {
  return (CODES_ENTREE_INVALIDE as readonly string[]).includes(code);
}

const RETIREE = 'Cette offre a été reprise par le bailleur ou attribuée hors plateforme : sa publication ne peut plus changer.';
const PASSEE = 'La nouvelle date de fin est déjà passée : choisissez une date à venir (ou dépubliez l’offre).';

function terminee(o: EtatFenetre, maintenant: Instant): boolean {
  return o.finPublication !== null && t(o.finPublication, 'fin') <= t(maintenant);
}

export function prolonger(o: EtatFenetre, fin: Instant, maintenant: Instant): ResultatFenetre {
  if (o.retiree) return non('OFFRE_RETIREE', RETIREE);
  if (o.debutPublication === null || o.finPublication === null) {
    return non('FENETRE_ABSENTE', 'Cette offre n’a pas de date de fin de publication à prolonger : renouvelez sa publication.');
  }
  if (terminee(o, maintenant)) return non('FENETRE_TERMINEE', 'La publication est terminée : renouvelez-la plutôt que de la prolonger.');
  const nouvelle = versDate(fin, 'fin');
  if (nouvelle.getTime() <= t(maintenant)) return non('DATE_PASSEE', PASSEE);
  if (nouvelle.getTime() <= t(o.finPublication, 'fin')) {
    return non('PROLONGATION_INVALIDE', 'Pour prolonger, la nouvelle date de fin doit être postérieure à la date de fin actuelle.');
  }
  return oui({ finPublication: nouvelle });
}

export function raccourcir(o: EtatFenetre, fin: Instant, maintenant: Instant): ResultatFenetre {
  if (o.retiree) return non('OFFRE_RETIREE', RETIREE);
  if (o.debutPublication === null) return non('FENETRE_ABSENTE', 'Cette offre n’a pas de période de publication à raccourcir.');
  if (terminee(o, maintenant)) return non('FENETRE_TERMINEE', 'La publication est déjà terminée.');
  const nouvelle = versDate(fin, 'fin');
  if (nouvelle.getTime() <= t(o.debutPublication)) {
    return non('FENETRE_INVALIDE', 'La date de fin doit être postérieure à la date de début de publication.');
  }
  if (nouvelle.getTime() <= t(maintenant)) return non('DATE_PASSEE', PASSEE);
  if (o.finPublication !== null && nouvelle.getTime() >= t(o.finPublication, 'fin')) {
    return non('RACCOURCISSEMENT_INVALIDE', 'Pour raccourcir, la nouvelle date de fin doit être antérieure à la date de fin actuelle.');
  }
  return oui({ finPublication: nouvelle });
}

export function renouveler(o: EtatFenetre, debut: Instant, fin: Instant, maintenant: Instant): ResultatFenetre {
  if (o.retiree) return non('OFFRE_RETIREE', RETIREE);
  const d = versDate(debut, 'debut');
  const f = versDate(fin, 'fin');
  if (f.getTime() <= d.getTime()) return non('FENETRE_INVALIDE', 'La date de fin doit être postérieure à la date de début de publication.');
  if (f.getTime() <= t(maintenant)) return non('DATE_PASSEE', PASSEE);
  if (estPubliee(o, maintenant)) {
    return non('DEJA_PUBLIEE', 'L’offre est en ligne : prolongez ou raccourcissez sa publication plutôt que de la renouveler.');
  }
  return oui({ publiee: true, debutPublication: d, finPublication: f, depublieeLe: null, motifDepublication: null });
}

export function publier(o: EtatFenetre, maintenant: Instant): ResultatFenetre {
  if (o.retiree) return non('OFFRE_RETIREE', RETIREE);
  if (o.debutPublication === null) return non('FENETRE_ABSENTE', 'Fixez d’abord une période de publication (renouveler).');
  if (terminee(o, maintenant)) return non('FENETRE_TERMINEE', 'La période de publication est terminée : renouvelez-la.');
  if (o.publiee !== false && !o.depubliee) return non('DEJA_PUBLIEE', 'L’offre est déjà en ligne (ou programmée).');
  return oui({ publiee: true, depublieeLe: null, motifDepublication: null });
}

function motifValide(motif: string | null | undefined): motif is string {
  return typeof motif === 'string' && motif.trim().length > 0;
}

export function depublier(o: EtatFenetre, motif: string | null | undefined, maintenant: Instant): ResultatFenetre {
  if (o.retiree) return non('OFFRE_RETIREE', RETIREE);
  if (!motifValide(motif)) return non('MOTIF_REQUIS', 'Un motif est obligatoire pour dépublier une offre.');
  if (o.depubliee) return non('DEJA_DEPUBLIEE', 'L’offre est déjà dépubliée.');
  if (o.publiee === false || o.debutPublication === null || terminee(o, maintenant)) {
    return non('NON_PUBLIEE', 'L’offre n’est ni en ligne ni programmée : il n’y a rien à dépublier.');
  }
  return oui({ publiee: false, depublieeLe: versDate(maintenant), motifDepublication: motif.trim() });
}

/**
 * Reprise par le bailleur (§11.27) or attribution outside the platform (§12, `date` = when the
 * bailleur let it, not in the future): hidden for good. The caller closes the open candidatures.
 */
export function retirer(o: EtatFenetre, motif: string | null | undefined, maintenant: Instant, date?: Instant): ResultatFenetre {
  if (o.retiree) return non('OFFRE_RETIREE', 'Cette offre a déjà été reprise par le bailleur ou attribuée hors plateforme.');
  if (!motifValide(motif)) return non('MOTIF_REQUIS', 'Un motif est obligatoire.');
  if (date !== undefined && t(date) > t(maintenant)) return non('DATE_FUTURE', 'La date d’attribution ne peut pas être dans le futur.');
  // An offer already dépubliée keeps the date it was hidden; the motif becomes the reprise's.
  return oui({ publiee: false, ...(o.depubliee ? {} : { depublieeLe: versDate(maintenant) }), motifDepublication: motif.trim() });
}
