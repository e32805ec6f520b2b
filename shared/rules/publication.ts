/**
 * R-PUB (§11.15, §11.18, §11.19): when an offer is visible to visitors and open to applications.
 *
 * The window is half-open, [debutPublication, finPublication): visible from the first instant of
 * debutPublication, no longer at finPublication. A date-only value is a Paris calendar day, so a
 * finPublication of '2026-03-31' keeps the offer visible until 31/03/2026 24:00 Paris (the last
 * day to apply is included). No debutPublication = never published; no finPublication = no end
 * set. An offer `depubliee` (taken back early, §11.19) or explicitly `publiee: false` is hidden.
 */
import type { Instant, OffreRules } from '@shared/domain/types';
import { versDate } from './calendrier';

export type OffrePublication = Pick<OffreRules, 'debutPublication' | 'finPublication' | 'depubliee' | 'publiee'>;

export function estPubliee(offre: OffrePublication, maintenant: Instant): boolean {
  if (offre.depubliee || offre.publiee === false || offre.debutPublication === null) return false;
  const t = versDate(maintenant).getTime();
  if (t < versDate(offre.debutPublication, 'debut').getTime()) return false;
  return offre.finPublication === null || t < versDate(offre.finPublication, 'fin').getTime();
}
