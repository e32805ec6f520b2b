import type { EntityManager } from '@mikro-orm/postgresql';
import { motifVisibleSql } from '@shared/domain/enums';

export interface EvenementTimeline {
  id: string;
  at: Date;
  genre: 'audit' | 'notification' | 'note';
  action: string;
  acteur: string | null;
  de: string | null;
  vers: string | null;
  motif: string | null;
  texte: string | null;
}

/**
 * The history of a candidature or a demande, newest first: audit events, notifications sent to
 * the demandeur and the agents' private notes, in one UNION query (no query per event).
 * Fraud-only audit events are left out unless `fraude` is true.
 */
export async function timeline(em: EntityManager, entite: 'candidature' | 'demande', id: number, fraude: boolean): Promise<EvenementTimeline[]> {
  return em.execute<EvenementTimeline[]>(
    `select * from (
       select 'a' || ae.id as id, ae.at, 'audit' as genre, ae.action,
              case ae.acteur_type when 'agent' then ag.prenom || ' ' || ag.nom when 'demandeur' then 'Demandeur'
                                  when 'bailleur' then 'Bailleur ' || bl.nom else 'Système' end as acteur,
              ae.de, ae.vers, case when ? then ae.motif else ${motifVisibleSql('ae.motif')} end as motif, null as texte
         from audit_event ae left join agent ag on ae.acteur_type = 'agent' and ag.id = ae.acteur_id
         left join bailleur bl on ae.acteur_type = 'bailleur' and bl.id = ae.acteur_id
        where ae.entite = ? and ae.entite_id = ? and (? or not ae.fraude)
       union all
       select 'n' || n.id, n.created_at, 'notification', n.template, n.destinataire, null, n.statut, null, n.sujet
         from notification n where n.entite = ? and n.entite_id = ?
       union all
       select 'x' || no.id, no.created_at, 'note', 'note', ag.prenom || ' ' || ag.nom, null, null, null, no.texte
         from note no join agent ag on ag.id = no.agent_id where no.entite = ? and no.entite_id = ?
     ) t order by at desc, id desc limit 500`,
    [fraude, entite, id, fraude, entite, id, entite, id],
  );
}
