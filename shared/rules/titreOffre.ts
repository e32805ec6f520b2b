/**
 * The title of an offer, derived from its data so that the two never disagree (a « T2 de 48 m² »
 * whose surface is 47,5 m² misleads the demandeur): typologie, surface (one value for a logement
 * identifié, a range for a logement type, §11.22), furnished short stay (§2), programme and commune.
 */
import type { FormeOffre, NatureOffre, Typologie } from '@shared/domain/enums';

export interface DonneesTitreOffre {
  forme: FormeOffre;
  nature: NatureOffre;
  typologie: Typologie;
  surface?: number | null;
  surfaceMin?: number | null;
  surfaceMax?: number | null;
  commune: string;
  programme?: string | null;
}

/** [singular, plural, feminine] */
const LIBELLES: Record<Typologie, [string, string, boolean]> = {
  chambre: ['Chambre', 'Chambres', true],
  studio: ['Studio', 'Studios', false],
  T1: ['T1', 'T1', false],
  T2: ['T2', 'T2', false],
  T3: ['T3', 'T3', false],
  T4: ['T4', 'T4', false],
  T5: ['T5', 'T5', false],
  T6: ['T6', 'T6', false],
};

const M2 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** 47.5 → « 47,5 », 48 → « 48 » (French decimal comma, at most one decimal). */
export function formatSurface(m2: number): string {
  return M2.format(m2);
}

export function titreOffre(o: DonneesTitreOffre): string {
  const [singulier, pluriel, feminin] = LIBELLES[o.typologie];
  const plusieurs = o.forme === 'type';
  const surface = plusieurs ? surfaceFourchette(o.surfaceMin, o.surfaceMax) : o.surface != null ? `de ${formatSurface(o.surface)} m²` : null;
  const meuble = o.nature === 'courte_duree' ? `meublé${feminin ? 'e' : ''}${plusieurs ? 's' : ''}, courte durée` : null;
  const lieu = [o.programme, o.commune].filter(Boolean).join(', ');
  const tete = [plusieurs ? pluriel : singulier, surface].filter(Boolean).join(' ');
  return `${[tete, meuble].filter(Boolean).join(' ')} – ${lieu}`;
}

function surfaceFourchette(min: number | null | undefined, max: number | null | undefined): string | null {
  if (min == null || max == null) return min != null ? `de ${formatSurface(min)} m² et plus` : null;
  return min === max ? `de ${formatSurface(min)} m²` : `de ${formatSurface(min)} à ${formatSurface(max)} m²`;
}
