/** Display formats of the console: French, times in Europe/Paris whatever the browser says. */
export const LOCALE = 'fr-FR';
export const TIME_ZONE = 'Europe/Paris';

const dateTime = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });
const day = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, dateStyle: 'short' });
/** A date-only value ('1990-05-12') is a calendar day, not an instant: format it in UTC. */
const calendarDay = new Intl.DateTimeFormat(LOCALE, { timeZone: 'UTC', dateStyle: 'short' });
const euros = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const eurosCents = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: 'EUR' });
const numbers = new Intl.NumberFormat(LOCALE);

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: unknown): Date | null {
  if (value == null || value === '') return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? null : date;
}

export function formatDateTime(value: unknown): string {
  const date = toDate(value);
  return date ? dateTime.format(date) : '';
}

export function formatDay(value: unknown): string {
  const date = toDate(value);
  if (!date) return '';
  return typeof value === 'string' && DATE_ONLY.test(value) ? calendarDay.format(date) : day.format(date);
}

export function formatEuros(value: unknown, cents = false): string {
  if (value == null || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? (cents ? eurosCents : euros).format(n) : '';
}

export function formatNumber(value: unknown): string {
  if (value == null || value === '') return '';
  const n = Number(value);
  return Number.isFinite(n) ? numbers.format(n) : '';
}

export function formatBytes(value: unknown): string {
  const n = Number(value);
  if (value == null || !Number.isFinite(n)) return '';
  if (n < 1024) return `${numbers.format(n)} o`;
  if (n < 1024 * 1024) return `${numbers.format(Math.round(n / 1024))} Ko`;
  return `${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 }).format(n / (1024 * 1024))} Mo`;
}

/**
 * A French phone number as people write it, in pairs: « 06 12 34 56 78 » (+33 / 0033 become 0).
 * Anything else (a foreign number, a typo) is shown as it was given.
 */
export function formatTelephone(value: unknown): string {
  if (value == null || value === '') return '';
  const brut = String(value).trim();
  let chiffres = brut.replace(/[\s.\-()]/g, '');
  if (/^(\+33|0033)\d{9}$/.test(chiffres)) chiffres = `0${chiffres.slice(chiffres.length - 9)}`;
  return /^0\d{9}$/.test(chiffres) ? chiffres.replace(/(\d{2})(?=\d)/g, '$1 ') : brut;
}
