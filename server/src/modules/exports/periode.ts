/** Export params carry calendar days (Europe/Paris): from 00:00 on `from` to 24:00 on `to`. */
export interface Periode {
  from: string;
  to: string;
}

/** `expr` within the period, as SQL with two bound parameters (from, to). */
export function dansPeriode(expr: string): string {
  return `${expr} >= (?::date)::timestamp at time zone 'Europe/Paris' and ${expr} < (?::date + 1)::timestamp at time zone 'Europe/Paris'`;
}

/** Start and end instants of the period, as SQL expressions bound to (from) and (to). */
export const DEBUT_PERIODE = `(?::date)::timestamp at time zone 'Europe/Paris'`;
export const FIN_PERIODE = `(?::date + 1)::timestamp at time zone 'Europe/Paris'`;
