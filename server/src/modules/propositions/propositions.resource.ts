import { STATUTS_PROPOSITION } from '@shared/domain/enums';
import type { ResourceDef } from '@server/http/resource';

export const propositions: ResourceDef = {
  name: 'propositions',
  from: 'proposition pr join demandeur dr on dr.id = pr.demandeur_id join offre o on o.id = pr.offre_id join agent ag on ag.id = pr.agent_id',
  alias: 'pr',
  fields: {
    id: 'pr.id', offreId: 'pr.offre_id', demandeurId: 'pr.demandeur_id', agentId: 'pr.agent_id', departement: 'pr.departement',
    statut: 'pr.statut', message: 'pr.message', envoyeeLe: 'pr.envoyee_le', expireLe: 'pr.expire_le',
    reponduLe: 'pr.repondu_le', candidatureId: 'pr.candidature_id',
    demandeurNom: 'dr.nom', demandeurPrenom: 'dr.prenom', offreReference: 'o.reference', offreTitre: 'o.titre',
    agentNom: "ag.prenom || ' ' || ag.nom",
  },
  filters: {
    statut: { expr: 'pr.statut', type: 'enum', values: STATUTS_PROPOSITION },
    offreId: { expr: 'pr.offre_id', type: 'int' },
    demandeurId: { expr: 'pr.demandeur_id', type: 'int' },
    agentId: { expr: 'pr.agent_id', type: 'int' },
    departement: { expr: 'pr.departement', type: 'string' },
    envoyeeLe: { expr: 'pr.envoyee_le', type: 'date' },
  },
  search: ['dr.nom', 'dr.prenom', 'o.reference'],
  scope: { departement: 'pr.departement' },
  defaultSort: ['envoyeeLe', 'DESC'],
};
