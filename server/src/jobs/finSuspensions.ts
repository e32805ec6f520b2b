import type { EntityManager } from '@mikro-orm/postgresql';
import { finEffective } from '@shared/rules/suspension';
import { audit } from '@server/modules/audit-events/audit';

export interface ResumeSuspensions {
  terminees: number;
}

/**
 * R-SUSP (§11.13): a suspension that reached its end closes nothing (the demande was closed when
 * it began), but its end is recorded once in the audit trail: from then on any new demande of
 * this demandeur carries controleRenforce (applied at demande creation from the suspensions,
 * `controleRenforceRequis`). Lifted suspensions were audited when lifted. Concurrent runs are
 * serialised by a transaction-level advisory lock, so each end is audited once.
 */
export async function terminerSuspensions(em: EntityManager, now: Date): Promise<ResumeSuspensions> {
  return em.fork().transactional(async (tx) => {
    await tx.execute(`select pg_advisory_xact_lock(hashtext('als:fin_suspensions'))`);
    const lues = await tx.execute<{ id: number; demandeur_id: number; type: string; fin: string; levee_le: string | null }[]>(
      `select s.id, s.demandeur_id, s.type, s.fin, s.levee_le from suspension s
        where s.fin <= ? and s.levee_le is null
          and not exists (select 1 from audit_event a where a.entite = 'suspension' and a.entite_id = s.id and a.action = 'fin_suspension')
        order by s.id`,
      [now],
    );
    const finies = lues.filter((s) => finEffective({ fin: s.fin, levee: s.levee_le }).getTime() <= now.getTime());
    for (const s of finies) {
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'fin_suspension', entite: 'suspension', entiteId: s.id, de: 'active', vers: 'terminee',
        motif: 'Fin de la suspension : contrôle renforcé sur toute nouvelle demande (CGU §11.13)', fraude: true,
        details: { demandeurId: s.demandeur_id, type: s.type, fin: s.fin },
      });
    }
    return { terminees: finies.length };
  });
}
