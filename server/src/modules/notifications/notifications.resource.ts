import { STATUTS_NOTIFICATION } from '../../../../shared/domain/enums';
import type { ResourceDef } from '../../http/resource';

export const notifications: ResourceDef = {
  name: 'notifications',
  from: 'notification n',
  alias: 'n',
  fields: {
    id: 'n.id', demandeurId: 'n.demandeur_id', destinataire: 'n.destinataire', template: 'n.template', sujet: 'n.sujet',
    corps: 'n.corps', statut: 'n.statut', tentatives: 'n.tentatives', prochainEssai: 'n.prochain_essai',
    messageId: 'n.message_id', envoyeeLe: 'n.envoyee_le', erreur: 'n.erreur', entite: 'n.entite', entiteId: 'n.entite_id',
    canal: 'n.canal', createdAt: 'n.created_at',
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
  search: ['n.destinataire', 'n.sujet'],
  scope: {},
  defaultSort: ['createdAt', 'DESC'],
};
