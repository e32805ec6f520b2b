/**
 * The Europe/Paris calendar over UTC instants, with Intl only (no date library).
 *
 * Instants are stored in UTC; "+N months", "3 days before" and the dates shown to people are
 * Paris calendar notions. Wall times that do not exist (spring forward, 02:30 on the last Sunday
 * of March) move forward by the gap; wall times that exist twice (fall back) take the earlier
 * instant — the `compatible` disambiguation of Temporal.
 */
import type { Instant } from '@shared/domain/types';

export const FUSEAU = 'Europe/Paris';

/** A wall-clock time in Paris; `mois` is 1..12. */
export interface PartiesParis {
  annee: number;
  mois: number;
  jour: number;
  heure: number;
  minute: number;
  seconde: number;
  milli: number;
}

const JOUR_MS = 86_400_000;
const DATE_SEULE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SANS_FUSEAU = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

const FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: FUSEAU,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** The Paris wall-clock parts of an instant. */
export function partiesParis(instant: Instant): PartiesParis {
  const date = versDate(instant);
  const p: Record<string, number> = {};
  for (const { type, value } of FORMAT.formatToParts(date)) {
    if (type !== 'literal') p[type] = Number(value);
  }
  return {
    annee: p.year,
    mois: p.month,
    jour: p.day,
    heure: p.hour,
    minute: p.minute,
    seconde: p.second,
    milli: date.getUTCMilliseconds(),
  };
}

function murEnMs(p: PartiesParis): number {
  return Date.UTC(p.annee, p.mois - 1, p.jour, p.heure, p.minute, p.seconde, p.milli);
}

/** Paris offset from UTC at an instant, in ms (+3 600 000 in winter, +7 200 000 in summer). */
export function decalageParis(ms: number): number {
  return murEnMs(partiesParis(new Date(ms))) - ms;
}

/** The instant of a Paris wall-clock time (out-of-range days or months roll over, like Date.UTC). */
export function depuisPartiesParis(p: PartiesParis): Date {
  const mur = murEnMs(p);
  const avant = mur - decalageParis(mur - JOUR_MS);
  const apres = mur - decalageParis(mur + JOUR_MS);
  const existants = [avant, apres].filter((t) => t + decalageParis(t) === mur);
  // In a spring-forward gap no candidate exists: the pre-transition offset lands after the gap.
  return new Date(existants.length === 0 ? avant : Math.min(...existants));
}

/**
 * An `Instant` as a Date. A date-only string is that day in Paris: its start (00:00) when
 * `borne` is 'debut', its end (00:00 the next day, exclusive) when 'fin'. A date-time string
 * without zone is read as UTC, never as the server's local time.
 */
export function versDate(instant: Instant, borne: 'debut' | 'fin' = 'debut'): Date {
  if (instant instanceof Date) return valide(instant, String(instant));
  const jour = DATE_SEULE.exec(instant);
  if (jour) {
    const decalage = borne === 'fin' ? 1 : 0;
    return depuisPartiesParis({
      annee: Number(jour[1]),
      mois: Number(jour[2]),
      jour: Number(jour[3]) + decalage,
      heure: 0,
      minute: 0,
      seconde: 0,
      milli: 0,
    });
  }
  return valide(new Date(SANS_FUSEAU.test(instant) ? `${instant}Z` : instant), instant);
}

function valide(date: Date, source: string): Date {
  if (Number.isNaN(date.getTime())) throw new RangeError(`Date invalide : ${source}`);
  return date;
}

export function joursDansMois(annee: number, mois: number): number {
  return new Date(Date.UTC(annee, mois, 0)).getUTCDate();
}

/**
 * `instant` + `n` calendar months in Paris, same wall time; the day is clamped to the end of
 * a shorter month (31 Aug + 6 months = 28 Feb, or 29 in a leap year). `n` may be negative.
 */
export function ajouterMois(instant: Instant, n: number): Date {
  const p = partiesParis(instant);
  const total = p.mois - 1 + n;
  const annee = p.annee + Math.floor(total / 12);
  const mois = (((total % 12) + 12) % 12) + 1;
  return depuisPartiesParis({ ...p, annee, mois, jour: Math.min(p.jour, joursDansMois(annee, mois)) });
}

/** `instant` + `n` calendar days in Paris, same wall time (a day across a DST change lasts 23 or 25 h). */
export function ajouterJours(instant: Instant, n: number): Date {
  const p = partiesParis(instant);
  const jour = new Date(Date.UTC(p.annee, p.mois - 1, p.jour + n));
  return depuisPartiesParis({ ...p, annee: jour.getUTCFullYear(), mois: jour.getUTCMonth() + 1, jour: jour.getUTCDate() });
}

const deux = (n: number): string => String(n).padStart(2, '0');

/** "12/03/2026" in Paris. */
export function formatDateParis(instant: Instant): string {
  const p = partiesParis(instant);
  return `${deux(p.jour)}/${deux(p.mois)}/${p.annee}`;
}

/** "12/03/2026 à 09:14" in Paris. */
export function formatDateHeureParis(instant: Instant): string {
  const p = partiesParis(instant);
  return `${formatDateParis(instant)} à ${deux(p.heure)}:${deux(p.minute)}`;
}

/** Compares two instants (negative when a is before b). */
export function comparerInstants(a: Instant, b: Instant): number {
  return versDate(a).getTime() - versDate(b).getTime();
}
