import { STATUTS_SIGNALEMENT, TYPES_SIGNALEMENT } from '@shared/domain/enums';
import { badRequest } from '@server/http/problem';
import type { ResourceDef } from '@server/http/resource';

/** `filter={"demandeurId":12}`: the signals naming this account (GIN index on demandeur_ids). */
function concerne(value: unknown) {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw badRequest('FILTRE_INVALIDE', 'Valeur invalide pour le filtre « demandeurId ».');
  return { sql: 'sg.demandeur_ids @> array[?]::int[]', params: [n] };
}

export const signalements: ResourceDef = {
  name: 'signalements',
  from: 'signalement sg',
  alias: 'sg',
  fields: {
    id: 'sg.id', type: 'sg.type', cle: 'sg.cle', score: 'sg.score', preuves: 'sg.preuves', demandeurIds: 'sg.demandeur_ids',
    statut: 'sg.statut', assigneeId: 'sg.assignee_id', conclusion: 'sg.conclusion', createdAt: 'sg.created_at', updatedAt: 'sg.updated_at',
  },
  filters: {
    type: { expr: 'sg.type', type: 'enum', values: TYPES_SIGNALEMENT },
    statut: { expr: 'sg.statut', type: 'enum', values: STATUTS_SIGNALEMENT },
    assigneeId: { expr: 'sg.assignee_id', type: 'int' },
    demandeurId: { expr: 'sg.demandeur_ids', type: 'custom', build: concerne },
    score: { expr: 'sg.score', type: 'int' },
    createdAt: { expr: 'sg.created_at', type: 'date' },
  },
  scope: {},
  defaultSort: ['score', 'DESC'],
  unsortable: ['preuves', 'demandeurIds'],
};
