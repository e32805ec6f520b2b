import type { EntityManager } from '@mikro-orm/postgresql';
import type { SuspensionRules } from '@shared/domain/types';
import type { TypeSuspension } from '@shared/domain/enums';
import { estRecidive, estSuspendu, finSuspension, suspenduJusquAu, verifierDureeSuspension } from '@shared/rules/suspension';
import { HttpProblem } from '@server/http/problem';
import { dossiersOuverts } from './cloture';

/** R-SUSP: a duration outside 6–60 months is a 400 DUREE_SUSPENSION naming the field. */
export function exigerDureeValide(dureeMois: number) {
  const r = verifierDureeSuspension(dureeMois);
  if (!r.ok) throw new HttpProblem(400, r.code, r.raison, [{ field: 'dureeMois', message: r.raison }]);
}

export async function suspensionsDe(em: EntityManager, demandeurId: number): Promise<SuspensionRules[]> {
  return em.execute<SuspensionRules[]>(`select type, debut, fin, levee_le as levee from suspension where demandeur_id = ? order by debut`, [demandeurId]);
}

/**
 * What applying a suspension now would do (R-SUSP), shown to the fraud controller before they
 * confirm: the demande closed, each open candidature closed, the end date, récidive, and whether
 * a suspension already runs (then it would be refused).
 */
export async function apercuSuspension(em: EntityManager, demandeurId: number, type: TypeSuspension, dureeMois: number, now: Date) {
  exigerDureeValide(dureeMois);
  const anterieures = await suspensionsDe(em, demandeurId);
  const { demandes, candidatures } = await dossiersOuverts(em, [demandeurId]);
  const dejaJusquAu = suspenduJusquAu(anterieures, now);
  return {
    demandeurId,
    type,
    dureeMois,
    debut: now.toISOString(),
    fin: finSuspension(now, dureeMois).toISOString(),
    recidive: estRecidive(anterieures),
    suspensionsAnterieures: anterieures.length,
    dejaSuspendu: estSuspendu(anterieures, now),
    suspenduJusquAu: dejaJusquAu?.toISOString() ?? null,
    demande: demandes[0] ? { id: demandes[0].id, reference: demandes[0].reference, statut: demandes[0].statut } : null,
    candidatures: candidatures.map((c) => ({ id: c.id, reference: c.reference, statut: c.statut, offreReference: c.offreReference, departement: c.departement })),
    nombreCandidatures: candidatures.length,
  };
}
export type ApercuSuspension = Awaited<ReturnType<typeof apercuSuspension>>;
