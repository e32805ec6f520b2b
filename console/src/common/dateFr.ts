/**
 * Dates typed the French way, jj/mm/aaaa, whatever the browser's language: the native
 * `<input type="date">` follows the browser's locale (mm/dd/yyyy in an English browser). No
 * React here: the console and the bailleur page both use it.
 */

const LONGUEURS = [2, 2, 4] as const;

/**
 * What the field shows while typing: digits and slashes, the slashes put in as the day and the
 * month fill up (« 05032026 » → « 05/03/2026 »), a slash typed by hand closes a short part
 * (« 5/3/2026 » stays), anything else dropped.
 */
export function masquerDateFr(saisie: string): string {
  let sortie = '';
  let partie = 0;
  let longueur = 0;
  for (const c of saisie) {
    if (c >= '0' && c <= '9') {
      if (longueur === LONGUEURS[partie]) {
        if (partie === 2) break;
        sortie += '/';
        partie += 1;
        longueur = 0;
      }
      sortie += c;
      longueur += 1;
    } else if (c === '/' && longueur > 0 && partie < 2) {
      sortie += '/';
      partie += 1;
      longueur = 0;
    }
  }
  return sortie;
}

const deux = (n: number) => String(n).padStart(2, '0');

/** « 05/03/2026 » (or « 5/3/2026 ») → '2026-03-05'; null when it is not a day of the calendar. */
export function dateFrVersIso(texte: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(texte.trim());
  if (!m) return null;
  const [j, mo, a] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (a < 1900 || a > 2199) return null;
  const d = new Date(Date.UTC(a, mo - 1, j));
  if (d.getUTCFullYear() !== a || d.getUTCMonth() !== mo - 1 || d.getUTCDate() !== j) return null;
  return `${a}-${deux(mo)}-${deux(j)}`;
}

/** '2026-03-05' (or the day of a '2026-03-05T…' value) → « 05/03/2026 »; '' for anything else. */
export function isoVersDateFr(valeur: unknown): string {
  const m = typeof valeur === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(valeur) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** A 'YYYY-MM-DD' value (what the API takes). */
export const estJourIso = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export const FORMAT_DATE_FR = 'jj/mm/aaaa';

/*
 * Date and time, jj/mm/aaaa hh:mm, in Paris time whatever the browser's language and time zone:
 * the API takes an instant (ISO 8601 UTC). Paris moves its clocks twice a year: on the last
 * Sunday of March 02:00–02:59 does not exist (refused, not silently moved), on the last Sunday of
 * October 02:00–02:59 happens twice (the first one, still summer time, is taken).
 */

const PARIS = 'Europe/Paris';
const LONGUEURS_DATE_HEURE = [2, 2, 4, 2, 2] as const;
const SEPARATEURS = ['/', '/', ' ', ':'] as const;

/**
 * What the field shows while typing: « 290320261430 » → « 29/03/2026 14:30 »; a separator typed
 * by hand closes a short part (« 5/3/2026 9:05 »), anything else dropped.
 */
export function masquerDateHeureFr(saisie: string): string {
  let sortie = '';
  let partie = 0;
  let longueur = 0;
  for (const c of saisie) {
    if (c >= '0' && c <= '9') {
      if (longueur === LONGUEURS_DATE_HEURE[partie]) {
        if (partie === LONGUEURS_DATE_HEURE.length - 1) break;
        sortie += SEPARATEURS[partie];
        partie += 1;
        longueur = 0;
      }
      sortie += c;
      longueur += 1;
    } else if (longueur > 0 && partie < SEPARATEURS.length && (c === SEPARATEURS[partie] || (partie === 2 && c === ' ') || (partie === 3 && (c === ':' || c === 'h')))) {
      sortie += SEPARATEURS[partie];
      partie += 1;
      longueur = 0;
    }
  }
  return sortie;
}

const parisParties = new Intl.DateTimeFormat('en-CA', {
  timeZone: PARIS, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/** The wall clock of Paris at an instant, as milliseconds of a UTC date with the same figures. */
function horlogeParis(instant: number): number {
  const p = Object.fromEntries(parisParties.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
}

/** The parts of « jj/mm/aaaa hh:mm » when they form a real day and time, else null. */
function lireDateHeureFr(texte: string): { jour: string; heure: number; minute: number } | null {
  const m = /^(\d{1,2}\/\d{1,2}\/\d{4}) (\d{1,2}):(\d{2})$/.exec(texte.trim());
  if (!m) return null;
  const jour = dateFrVersIso(m[1]);
  const [heure, minute] = [Number(m[2]), Number(m[3])];
  if (!jour || heure > 23 || minute > 59) return null;
  return { jour, heure, minute };
}

/**
 * « 29/03/2026 14:30 » (Paris) → '2026-03-29T12:30:00.000Z'; null when it is not a day and time
 * of the calendar, or a time Paris skips (29/03/2026 02:30).
 */
export function dateHeureFrVersIso(texte: string): string | null {
  const lu = lireDateHeureFr(texte);
  if (!lu) return null;
  const [a, mo, j] = lu.jour.split('-').map(Number);
  const horloge = Date.UTC(a, mo - 1, j, lu.heure, lu.minute);
  // The offsets around that day (one, or summer and winter time on a change day), the earlier instant first.
  const DECALAGE_MAX = 36 * 3600_000;
  const decalages = [...new Set([horlogeParis(horloge - DECALAGE_MAX) - (horloge - DECALAGE_MAX), horlogeParis(horloge + DECALAGE_MAX) - (horloge + DECALAGE_MAX)])].sort((x, y) => y - x);
  for (const d of decalages) {
    if (horlogeParis(horloge - d) === horloge) return new Date(horloge - d).toISOString();
  }
  return null;
}

/** Typed completely as a day and time but skipped by Paris (the change to summer time). */
export const heureInexistanteParis = (texte: string): boolean => lireDateHeureFr(texte) !== null && dateHeureFrVersIso(texte) === null;

/** An instant ('2026-03-29T12:30:00.000Z', or with an offset) → « 29/03/2026 14:30 » in Paris; '' for anything else. */
export function isoVersDateHeureFr(valeur: unknown): string {
  if (!estInstantIso(valeur)) return '';
  const h = new Date(horlogeParis(Date.parse(valeur)));
  return `${deux(h.getUTCDate())}/${deux(h.getUTCMonth() + 1)}/${h.getUTCFullYear()} ${deux(h.getUTCHours())}:${deux(h.getUTCMinutes())}`;
}

/** An ISO 8601 instant with its zone (what the API sends and takes). */
export const estInstantIso = (v: unknown): v is string =>
  typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));

export const FORMAT_DATE_HEURE_FR = 'jj/mm/aaaa hh:mm';
