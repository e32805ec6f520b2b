import { motifVisibleSql } from '@shared/domain/enums';
import type { ResourceDef } from '@server/http/resource';

export const auditEvents: ResourceDef = {
  name: 'audit-events',
  from: "audit_event ae left join agent ag on ae.acteur_type = 'agent' and ag.id = ae.acteur_id left join bailleur bl on ae.acteur_type = 'bailleur' and bl.id = ae.acteur_id",
  alias: 'ae',
  joinsFacultatifs: ['ag', 'bl'],
  // R-FRAUD-VIS: `motif` never shows a suspension's category (fraud control reads it on the suspension and in the timeline).
  fields: {
    id: 'ae.id', at: 'ae.at', acteurType: 'ae.acteur_type', acteurId: 'ae.acteur_id', action: 'ae.action', entite: 'ae.entite',
    // Who acted, in words (issue #15): an agent's name, the bailleur's; a demandeur stays « Demandeur » (his number is acteurId).
    acteurNom: "case ae.acteur_type when 'agent' then ag.prenom || ' ' || ag.nom when 'bailleur' then bl.nom when 'demandeur' then 'Demandeur' else 'Système' end",
    entiteId: 'ae.entite_id', de: 'ae.de', vers: 'ae.vers', motif: motifVisibleSql('ae.motif'), details: 'ae.details', fraude: 'ae.fraude', ip: 'ae.ip',
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
