import type { EntityManager } from '@mikro-orm/postgresql';
import { estPubliee } from '@shared/rules/publication';
import { audit } from '@server/modules/audit-events/audit';

export interface ResumePublication {
  depubliees: number;
}

/**
 * R-PUB (§11.18): an offer whose publication window has ended (finPublication passed, `estPubliee`
 * false) is no longer `publiee`. Candidatures go on being instructed: nothing else changes.
 * The conditional UPDATE … RETURNING lets concurrent runs audit each offer once.
 */
export async function terminerPublications(em: EntityManager, now: Date): Promise<ResumePublication> {
  const lues = await em.fork().execute<{ id: number; debut: string | null; fin: string; depubliee: boolean }[]>(
    `select id, debut_publication as debut, fin_publication as fin, depubliee_le is not null as depubliee
       from offre where publiee and fin_publication <= ? order by id`,
    [now],
  );
  const finies = lues.filter((o) => !estPubliee({ publiee: true, debutPublication: o.debut, finPublication: o.fin, depubliee: o.depubliee }, now));
  if (finies.length === 0) return { depubliees: 0 };
  return em.fork().transactional(async (tx) => {
    const faites = await tx.execute<{ id: number; reference: string; fin: string }[]>(
      `update offre set publiee = false, updated_at = ? where id in (?) and publiee returning id, reference, fin_publication as fin`,
      [now, finies.map((o) => o.id)],
    );
    for (const o of faites) {
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'fin_publication', entite: 'offre', entiteId: o.id, de: 'publiee', vers: 'non_publiee',
        motif: 'Fin de la période de publication (CGU §11.18)', details: { reference: o.reference, finPublication: o.fin },
      });
    }
    return { depubliees: faites.length };
  });
}
