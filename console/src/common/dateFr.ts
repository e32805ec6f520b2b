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
