type Traduire = (key: string, options?: Record<string, unknown>) => string;
const deux = (n: string) => n.padStart(2, '0');

/** The few cron shapes the jobs use, in French words (Paris time); anything else is shown as is. */
export function decrireCron(cron: string, translate: Traduire): string {
  const [m, h, jour, mois, semaine, ...reste] = cron.trim().split(/\s+/);
  const chaqueJour = jour === '*' && mois === '*' && semaine === '*' && reste.length === 0;
  if (chaqueJour && m === '*' && h === '*') return translate('app.taches.cron.minute');
  if (chaqueJour && h === '*' && /^\*\/\d+$/.test(m)) return translate('app.taches.cron.minutes', { n: m.slice(2) });
  if (chaqueJour && h === '*' && /^\d+$/.test(m)) return translate('app.taches.cron.heure', { m: `:${deux(m)}` });
  if (chaqueJour && /^\d+$/.test(h) && /^\d+$/.test(m)) return translate('app.taches.cron.jour', { h: `${deux(h)}:${deux(m)}` });
  return translate('app.taches.cron.autre', { cron });
}
