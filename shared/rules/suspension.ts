/**
 * R-SUSP (§10.9–10.11, §11.13): suspension durations, state, recidivism, contrôle renforcé.
 *
 * A duration is a whole number of calendar months from 6 to 60 inclusive (6 months to 5 years).
 * The end is debut + N months in the Paris calendar, same wall time, the day clamped to the end
 * of a shorter month (31 Aug + 6 months = 28/29 Feb). A suspension is in force on
 * [debut, fin), cut short at `levee` when lifted early.
 */
import type { Instant, Refus, SuspensionRules } from '@shared/domain/types';
import { ajouterMois, formatDateParis, versDate } from './calendrier';

export const DUREE_SUSPENSION_MIN_MOIS = 6;
export const DUREE_SUSPENSION_MAX_MOIS = 60;

export type ResultatDureeSuspension = { ok: true } | ({ ok: false } & Refus<'DUREE_SUSPENSION'>);

const BORNES = 'une suspension dure de 6 mois à 5 ans (60 mois) inclus';

export function verifierDureeSuspension(dureeMois: number): ResultatDureeSuspension {
  if (Number.isInteger(dureeMois) && dureeMois >= DUREE_SUSPENSION_MIN_MOIS && dureeMois <= DUREE_SUSPENSION_MAX_MOIS) {
    return { ok: true };
  }
  return { ok: false, code: 'DUREE_SUSPENSION', raison: `Durée refusée (${dureeMois} mois) : ${BORNES}, en mois entiers.` };
}

/** debut + dureeMois calendar months (Paris). */
export function finSuspension(debut: Instant, dureeMois: number): Date {
  return ajouterMois(debut, dureeMois);
}

/** The same bounds over explicit dates: debut + 6 months ≤ fin ≤ debut + 60 months. */
export function verifierPeriodeSuspension(debut: Instant, fin: Instant): ResultatDureeSuspension {
  const t = versDate(fin).getTime();
  const min = finSuspension(debut, DUREE_SUSPENSION_MIN_MOIS).getTime();
  const max = finSuspension(debut, DUREE_SUSPENSION_MAX_MOIS).getTime();
  if (t >= min && t <= max) return { ok: true };
  return {
    ok: false,
    code: 'DUREE_SUSPENSION',
    raison: `Période refusée (du ${formatDateParis(debut)} au ${formatDateParis(fin)}) : ${BORNES}.`,
  };
}

/** When the suspension stops: its fin, or its levee when lifted earlier. */
export function finEffective(s: Pick<SuspensionRules, 'fin' | 'levee'>): Date {
  const fin = versDate(s.fin);
  if (s.levee === null) return fin;
  const levee = versDate(s.levee);
  return levee < fin ? levee : fin;
}

export function estEnVigueur(s: SuspensionRules, maintenant: Instant): boolean {
  const t = versDate(maintenant).getTime();
  return versDate(s.debut).getTime() <= t && t < finEffective(s).getTime();
}

/** R-LIMIT-SUSP: suspended now (cannot create a demande nor apply). */
export function estSuspendu(suspensions: readonly SuspensionRules[], maintenant: Instant): boolean {
  return suspensions.some((s) => estEnVigueur(s, maintenant));
}

/** The end of the current suspension(s), to tell others "suspendu jusqu'au …"; null when not suspended. */
export function suspenduJusquAu(suspensions: readonly SuspensionRules[], maintenant: Instant): Date | null {
  const fins = suspensions.filter((s) => estEnVigueur(s, maintenant)).map((s) => finEffective(s).getTime());
  return fins.length === 0 ? null : new Date(Math.max(...fins));
}

/** A new suspension is a récidive when the demandeur was suspended before (lifted or not). */
export function estRecidive(suspensionsAnterieures: readonly SuspensionRules[]): boolean {
  return suspensionsAnterieures.length > 0;
}

/** A new demande carries controleRenforce once any suspension has ended (until an agent clears it). */
export function controleRenforceRequis(suspensions: readonly SuspensionRules[], maintenant: Instant): boolean {
  const t = versDate(maintenant).getTime();
  return suspensions.some((s) => finEffective(s).getTime() <= t);
}
