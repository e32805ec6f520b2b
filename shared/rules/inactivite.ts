/**
 * R-INACT (§11.6): the inactivity calendar of a demande.
 *
 * The clock starts at the last activity (login, dossier update…); any activity restarts it and
 * opens a new cycle. The cycle is the ISO string (UTC) of that last activity, so a step is keyed
 * by (cycle, etape): callers insert one unique row per key to send each step exactly once, however
 * many job runs or replicas. Nominal dates, in the Paris calendar (same wall time):
 *   avertissement  last activity + 3 months
 *   relance        (last activity + 4 months) − 3 days
 *   cloture        last activity + 4 months
 * Steps go in order and each waits for the previous one to have actually been sent: a relance
 * is due at max(nominal, avertissement sent); the closure at max(nominal, relance sent + 3 days),
 * so after a job outage the reminder goes out at once and the closure still gives 3 days' notice.
 * The calendar is suspended while a candidature is transmise_bailleur or attribuee.
 */
import { ETAPES_INACTIVITE, type EtapeInactivite, type StatutCandidature } from '@shared/domain/enums';
import type { Instant } from '@shared/domain/types';
import { ajouterJours, ajouterMois, versDate } from './calendrier';

export const STATUTS_SUSPENDANT_INACTIVITE: readonly StatutCandidature[] = ['transmise_bailleur', 'attribuee'];
export const PREAVIS_CLOTURE_JOURS = 3;

export interface EnvoiInactivite {
  cycle: string;
  etape: EtapeInactivite;
  envoyeLe: Instant;
}

export interface EntreeInactivite {
  derniereActivite: Instant;
  statutsCandidatures: readonly StatutCandidature[];
  /** History of the steps already done (any cycle; other cycles are ignored). */
  envois: readonly EnvoiInactivite[];
  maintenant: Instant;
}

export interface EtatInactivite {
  cycle: string;
  /** true while a candidature is transmise_bailleur or attribuee. */
  suspendue: boolean;
  /** The step to do now, with its exactly-once key, or null. */
  due: { etape: EtapeInactivite; cle: string } | null;
  /** The next step not yet due and when it will be, or null. */
  prochaine: { etape: EtapeInactivite; a: Date } | null;
}

/** The latest of the given activity instants (nulls ignored); throws when there is none. */
export function derniereActivite(...instants: readonly (Instant | null)[]): Date {
  const ms = instants.filter((i): i is Instant => i !== null).map((i) => versDate(i).getTime());
  if (ms.length === 0) throw new RangeError('Aucune activité connue');
  return new Date(Math.max(...ms));
}

export function cycleInactivite(derniere: Instant): string {
  return versDate(derniere).toISOString();
}

export function cleEtape(cycle: string, etape: EtapeInactivite): string {
  return `${cycle}#${etape}`;
}

/** The nominal dates of the three steps. */
export function echeancierInactivite(derniere: Instant): Record<EtapeInactivite, Date> & { cycle: string } {
  const cloture = ajouterMois(derniere, 4);
  return {
    cycle: cycleInactivite(derniere),
    avertissement: ajouterMois(derniere, 3),
    relance: ajouterJours(cloture, -PREAVIS_CLOTURE_JOURS),
    cloture,
  };
}

function plusTard(a: Date, b: Date): Date {
  return a > b ? a : b;
}

export function etatInactivite(entree: EntreeInactivite): EtatInactivite {
  const nominal = echeancierInactivite(entree.derniereActivite);
  const { cycle } = nominal;
  if (entree.statutsCandidatures.some((s) => STATUTS_SUSPENDANT_INACTIVITE.includes(s))) {
    return { cycle, suspendue: true, due: null, prochaine: null };
  }
  const envoye = (etape: EtapeInactivite): Date | null => {
    const dates = entree.envois.filter((e) => e.cycle === cycle && e.etape === etape).map((e) => versDate(e.envoyeLe).getTime());
    return dates.length === 0 ? null : new Date(Math.min(...dates));
  };
  const maintenant = versDate(entree.maintenant);
  let precedent: Date | null = null;
  for (const etape of ETAPES_INACTIVITE) {
    const fait = envoye(etape);
    if (fait === null) {
      const a = echeance(etape, nominal[etape], precedent);
      if (a <= maintenant) return { cycle, suspendue: false, due: { etape, cle: cleEtape(cycle, etape) }, prochaine: null };
      return { cycle, suspendue: false, due: null, prochaine: { etape, a } };
    }
    precedent = fait;
  }
  return { cycle, suspendue: false, due: null, prochaine: null };
}

function echeance(etape: EtapeInactivite, nominale: Date, precedent: Date | null): Date {
  if (precedent === null) return nominale;
  return plusTard(nominale, etape === 'cloture' ? ajouterJours(precedent, PREAVIS_CLOTURE_JOURS) : precedent);
}

/** Shortcut: the step due now, or null. */
export function etapeInactiviteDue(entree: EntreeInactivite): EtatInactivite['due'] {
  return etatInactivite(entree).due;
}
