import { formatDateTime, LOCALE, TIME_ZONE } from '@console/common/format';

const heureMinute = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });
const jour = new Intl.DateTimeFormat(LOCALE, { timeZone: TIME_ZONE, dateStyle: 'short' });

/** « 09:14 » today (Paris), « 12/03/2026 09:14 » another day: when a dossier was taken. */
export function heureOuDate(value: string | null | undefined, maintenant = new Date()): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return jour.format(date) === jour.format(maintenant) ? heureMinute.format(date) : formatDateTime(date);
}
