/** Suspensions (R-SUSP): in force, ended (→ contrôle renforcé), lifted early, and one récidive. */
import { finSuspension } from '@shared/rules/suspension';
import { Suspension, type ISuspension } from '@server/modules/suspensions/Suspension.entity';
import type { Agents } from './agents';
import { inserer, type SeedContext } from './context';
import type { PersonnePlan, SuspensionPlan } from './plan';

export interface SuspensionSeed extends SuspensionPlan {
  id: number;
  personne: PersonnePlan;
  fin: Date;
}

export async function seedSuspensions(ctx: SeedContext, personnes: PersonnePlan[], agents: Agents): Promise<SuspensionSeed[]> {
  const plans = personnes.flatMap((p) => p.suspensions.map((s) => ({ ...s, personne: p, fin: finSuspension(s.debut, s.dureeMois), id: 0 })));
  const rows = plans.map((s) => ({
    demandeur: s.personne.id,
    type: s.type,
    debut: s.debut,
    fin: s.fin,
    dureeMois: s.dureeMois,
    motif: s.motif,
    recidive: s.recidive,
    creePar: agents.fraude.id,
    leveeLe: s.levee?.le ?? null,
    leveePar: s.levee ? agents.fraude.id : null,
    motifLevee: s.levee?.motif ?? null,
    createdAt: s.debut,
  }));
  const ids = await inserer<ISuspension>(ctx.em, Suspension, rows);
  plans.forEach((s, i) => (s.id = ids[i]));
  return plans;
}
