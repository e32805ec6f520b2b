import { CANAUX_DEMANDE, NATURES_OFFRE, ORIGINES_CANDIDATURE, PUBLICS_CIBLES, STATUTS_CANDIDATURE } from '../../../../shared/domain/enums';
import type { ResourceDef } from '../../http/resource';

export const candidatures: ResourceDef = {
  name: 'candidatures',
  from:
    'candidature c join demandeur dr on dr.id = c.demandeur_id join demande cd on cd.id = c.demande_id ' +
    'join offre o on o.id = c.offre_id left join agent ag on ag.id = c.agent_en_charge_id',
  alias: 'c',
  fields: {
    id: 'c.id', reference: 'c.reference', demandeId: 'c.demande_id', demandeurId: 'c.demandeur_id', offreId: 'c.offre_id',
    departement: 'c.departement', nature: 'c.nature', statut: 'c.statut', dateCandidature: 'c.date_candidature',
    origine: 'c.origine', agentEnChargeId: 'c.agent_en_charge_id', priseEnChargeLe: 'c.prise_en_charge_le',
    motif: 'c.motif', canal: 'c.canal', designeeLe: 'c.designee_le', clotureLe: 'c.cloture_le',
    createdAt: 'c.created_at', updatedAt: 'c.updated_at',
    demandeurNom: 'dr.nom', demandeurPrenom: 'dr.prenom', offreReference: 'o.reference', offreTitre: 'o.titre',
    publicCible: 'cd.public_cible', controleRenforce: 'cd.controle_renforce',
    agentEnChargeNom: "case when ag.id is null then null else ag.prenom || ' ' || ag.nom end",
  },
  filters: {
    statut: { expr: 'c.statut', type: 'enum', values: STATUTS_CANDIDATURE },
    nature: { expr: 'c.nature', type: 'enum', values: NATURES_OFFRE },
    origine: { expr: 'c.origine', type: 'enum', values: ORIGINES_CANDIDATURE },
    canal: { expr: 'c.canal', type: 'enum', values: CANAUX_DEMANDE },
    departement: { expr: 'c.departement', type: 'string' },
    offreId: { expr: 'c.offre_id', type: 'int' },
    demandeId: { expr: 'c.demande_id', type: 'int' },
    demandeurId: { expr: 'c.demandeur_id', type: 'int' },
    agentEnChargeId: { expr: 'c.agent_en_charge_id', type: 'int' },
    dateCandidature: { expr: 'c.date_candidature', type: 'date' },
    publicCible: { expr: 'cd.public_cible', type: 'enum', values: PUBLICS_CIBLES },
    controleRenforce: { expr: 'cd.controle_renforce', type: 'bool' },
  },
  search: ['c.reference', 'dr.nom', 'dr.prenom', 'o.reference'],
  scope: { departement: 'c.departement' },
  defaultSort: ['dateCandidature', 'ASC'],
};
