import { STATUTS_EXPORT, TYPES_EXPORT } from '@shared/domain/enums';
import type { ResourceDef } from '@server/http/resource';

export const exportsResource: ResourceDef = {
  name: 'exports',
  from: 'export x',
  alias: 'x',
  fields: {
    id: 'x.id', kind: 'x.kind', params: 'x.params', destinataire: 'x.destinataire', statut: 'x.statut', progression: 'x.progression',
    agentId: 'x.agent_id', nomFichier: 'x.nom_fichier', taille: 'x.taille', lignes: 'x.lignes', erreur: 'x.erreur',
    expireLe: 'x.expire_le', termineLe: 'x.termine_le', createdAt: 'x.created_at',
  },
  filters: {
    kind: { expr: 'x.kind', type: 'enum', values: TYPES_EXPORT },
    statut: { expr: 'x.statut', type: 'enum', values: STATUTS_EXPORT },
    agentId: { expr: 'x.agent_id', type: 'int' },
    createdAt: { expr: 'x.created_at', type: 'date' },
  },
  search: ['x.destinataire'],
  scope: { agentId: 'x.agent_id' },
  defaultSort: ['createdAt', 'DESC'],
  unsortable: ['params'],
};
