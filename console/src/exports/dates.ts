import { TIME_ZONE } from '@console/common/format';

/** « 2026-12-07 »: the calendar day in Paris (not UTC: at 00:30 in Paris, UTC still says yesterday). */
const jourParis = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today, in Paris, as the API's calendar day (YYYY-MM-DD). */
export const aujourdhuiParis = (maintenant: Date = new Date()): string => jourParis.format(maintenant);

/** The first day of the current month, in Paris (YYYY-MM-DD). */
export const debutDuMoisParis = (maintenant: Date = new Date()): string => `${aujourdhuiParis(maintenant).slice(0, 8)}01`;
