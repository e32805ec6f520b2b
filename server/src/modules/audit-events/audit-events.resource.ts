import type { ResourceDef } from '../../http/resource';

export const auditEvents: ResourceDef = {
  name: 'audit-events',
  from: 'audit_event ae',
  alias: 'ae',
  fields: {
    id: 'ae.id', at: 'ae.at', acteurType: 'ae.acteur_type', acteurId: 'ae.acteur_id', action: 'ae.action', entite: 'ae.entite',
    entiteId: 'ae.entite_id', de: 'ae.de', vers: 'ae.vers', motif: 'ae.motif', details: 'ae.details', fraude: 'ae.fraude', ip: 'ae.ip',
  },
  filters: {
    acteurType: { expr: 'ae.acteur_type', type: 'enum', values: ['agent', 'demandeur', 'systeme'] },
    acteurId: { expr: 'ae.acteur_id', type: 'int' },
    action: { expr: 'ae.action', type: 'string' },
    entite: { expr: 'ae.entite', type: 'string' },
    entiteId: { expr: 'ae.entite_id', type: 'int' },
    at: { expr: 'ae.at', type: 'date' },
  },
  scope: { fraude: 'ae.fraude' },
  defaultSort: ['at', 'DESC'],
  unsortable: ['details'],
};
