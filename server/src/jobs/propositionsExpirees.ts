import type { EntityManager } from '@mikro-orm/postgresql';
import { formatDateParis } from '@shared/rules/calendrier';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';

export interface ResumePropositions {
  expirees: number;
}

interface Expiree {
  id: number;
  expire_le: string;
  demandeur_id: number;
  email: string;
  civilite: string;
  nom: string;
  prenom: string;
  offre: string;
  titre: string;
}

/**
 * §11.17, §11.25: a proposition left unanswered past expireLe becomes `expiree` and the demandeur
 * is told. Batches with FOR UPDATE SKIP LOCKED: concurrent runs take disjoint rows; the outbox
 * key `proposition:<id>:expiree` is a second guard.
 */
export async function expirerPropositions(em: EntityManager, now: Date, options: { lot?: number } = {}): Promise<ResumePropositions> {
  const lot = options.lot ?? 200;
  let expirees = 0;
  for (;;) {
    const n = await em.fork().transactional(async (tx) => {
      const faites = await tx.execute<Expiree[]>(
        `with p as (select id from proposition where statut = 'envoyee' and expire_le <= ? order by id limit ? for update skip locked),
              u as (update proposition x set statut = 'expiree' from p where x.id = p.id returning x.id, x.expire_le, x.demandeur_id, x.offre_id)
         select u.id, u.expire_le, u.demandeur_id, dr.email, dr.civilite, dr.nom, dr.prenom, o.reference as offre, o.titre
           from u join demandeur dr on dr.id = u.demandeur_id join offre o on o.id = u.offre_id order by u.id`,
        [now, lot],
      );
      for (const p of faites) {
        audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'expirer', entite: 'proposition', entiteId: p.id, de: 'envoyee', vers: 'expiree' });
        notifier(tx, {
          demandeurId: p.demandeur_id, destinataire: p.email, template: 'proposition_expiree', entite: 'proposition', entiteId: p.id, now,
          cle: `proposition:${p.id}:expiree`,
          donnees: { civilite: p.civilite, nom: p.nom, prenom: p.prenom, offre: p.offre, titre: p.titre, expireLe: formatDateParis(p.expire_le) },
        });
      }
      return faites.length;
    });
    expirees += n;
    if (n < lot) break;
  }
  return { expirees };
}
