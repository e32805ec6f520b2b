const JOUR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });
const JOUR_HEURE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

export const jour = (d: string | Date) => JOUR.format(new Date(d));
export const jourHeure = (d: string | Date) => JOUR_HEURE.format(new Date(d));
/** A calendar day 'YYYY-MM-DD' as « 1 novembre 2026 » (no time zone shift). */
export const jourCalendaire = (iso: string) => JOUR.format(new Date(`${iso}T12:00:00Z`));
/** Today in Paris, 'YYYY-MM-DD' (the CALEOL date's upper bound). */
export const aujourdhui = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
/** « 0 ligne refusée », « 1 ligne refusée », « 3 lignes refusées »: French counts (0 and 1 are singular), never « ligne(s) ». */
export const compte = (n: number, singulier: string, pluriel: string) => `${n} ${n > 1 ? pluriel : singulier}`;
const CIVILITES: Record<string, string> = { M: 'M.', Mme: 'Mme' };
export const personne = (p: { civilite: string; prenom: string; nom: string }) => `${CIVILITES[p.civilite] ?? p.civilite} ${p.prenom} ${p.nom.toUpperCase()}`;
