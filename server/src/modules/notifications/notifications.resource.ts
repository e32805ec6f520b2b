import { STATUTS_NOTIFICATION } from '@shared/domain/enums';
import type { ResourceDef } from '@server/http/resource';

export const notifications: ResourceDef = {
  name: 'notifications',
  from: 'notification n left join demandeur dr on dr.id = n.demandeur_id',
  alias: 'n',
  joinsFacultatifs: ['dr'],
  fields: {
    id: 'n.id', demandeurId: 'n.demandeur_id', destinataire: 'n.destinataire', template: 'n.template', sujet: 'n.sujet',
    corps: 'n.corps', statut: 'n.statut', tentatives: 'n.tentatives', prochainEssai: 'n.prochain_essai',
    messageId: 'n.message_id', envoyeeLe: 'n.envoyee_le', erreur: 'n.erreur', entite: 'n.entite', entiteId: 'n.entite_id',
    canal: 'n.canal', createdAt: 'n.created_at',
    // The outbox names who a message is for (issue #15), as the destinataire's address already does.
    demandeurNom: "dr.prenom || ' ' || dr.nom",
  },
  filters: {
    statut: { expr: 'n.statut', type: 'enum', values: STATUTS_NOTIFICATION },
    template: { expr: 'n.template', type: 'string' },
    destinataire: { expr: 'n.destinataire', type: 'string' },
    demandeurId: { expr: 'n.demandeur_id', type: 'int' },
    entite: { expr: 'n.entite', type: 'string' },
    entiteId: { expr: 'n.entite_id', type: 'int' },
    canal: { expr: 'n.canal', type: 'string' },
    createdAt: { expr: 'n.created_at', type: 'date' },
  },
  search: ['n.destinataire'], // never the subject: a search would read the body for a role that may not
  scope: {},
  defaultSort: ['createdAt', 'DESC'],
};
