import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { ETAPES_INACTIVITE } from '@shared/domain/enums';
import { Demande } from '@server/modules/demandes/Demande.entity';

/**
 * R-INACT (§11.6): one row per step done, per inactivity cycle of a demande. The UNIQUE
 * (demande, cycle, etape) is the exactly-once guard: the job inserts with ON CONFLICT DO NOTHING
 * in the same transaction as the notification or the closure, and only the inserter acts.
 * `cycle` is shared/rules/inactivite.ts `cycleInactivite` (ISO instant of the last activity).
 */
export const InactiviteEtape = defineEntity({
  name: 'InactiviteEtape',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    demande: p.manyToOne(Demande),
    cycle: p.string().length(30),
    etape: p.enum([...ETAPES_INACTIVITE]),
    faitLe: p.datetime(),
  }),
  uniques: [{ name: 'inactivite_etape_demande_cycle_etape_unique', properties: ['demande', 'cycle', 'etape'] }],
});
export type IInactiviteEtape = InferEntity<typeof InactiviteEtape>;
