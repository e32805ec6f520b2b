import { MOTIFS_CLOTURE_VISIBLES, motifVisibleSql, PUBLICS_CIBLES, STATUTS_DEMANDE } from '@shared/domain/enums';
import { departementsStockes } from '@server/http/abilitySql';
import type { ResourceDef } from '@server/http/resource';

export const demandes: ResourceDef = {
  name: 'demandes',
  from: 'demande d join demandeur dr on dr.id = d.demandeur_id',
  alias: 'd',
  fields: {
    id: 'd.id', reference: 'd.reference', demandeurId: 'd.demandeur_id', statut: 'd.statut',
    motifCloture: motifVisibleSql('d.motif_cloture'), clotureLe: 'd.cloture_le', nombrePersonnes: 'd.nombre_personnes',
    codemandeur: 'd.codemandeur', revenuFiscalReference: 'd.revenu_fiscal_reference', publicCible: 'd.public_cible',
    entrepriseId: 'd.entreprise_id', lieuTravailCodePostal: 'd.lieu_travail_code_postal',
    lieuTravailCommune: 'd.lieu_travail_commune', communeLogementActuel: 'd.commune_logement_actuel',
    secteursRecherche: 'd.secteurs_recherche', situationsPrioritaires: 'd.situations_prioritaires',
    accompagneServiceSalariesEnDifficulte: 'd.accompagne_service_salaries_en_difficulte',
    controleRenforce: 'd.controle_renforce', signaleReattribution: 'd.signale_reattribution',
    derniereMiseAJour: 'd.derniere_mise_ajour', createdAt: 'd.created_at',
    demandeurNom: 'dr.nom', demandeurPrenom: 'dr.prenom',
  },
  filters: {
    statut: { expr: 'd.statut', type: 'enum', values: STATUTS_DEMANDE },
    // R-FRAUD-VIS: the category of a suspension is neither shown nor filterable (fraude → 400); fraud control reads it on the suspension.
    motifCloture: { expr: motifVisibleSql('d.motif_cloture'), type: 'enum', values: MOTIFS_CLOTURE_VISIBLES },
    publicCible: { expr: 'd.public_cible', type: 'enum', values: PUBLICS_CIBLES },
    demandeurId: { expr: 'd.demandeur_id', type: 'int' },
    entrepriseId: { expr: 'd.entreprise_id', type: 'int' },
    controleRenforce: { expr: 'd.controle_renforce', type: 'bool' },
    signaleReattribution: { expr: 'd.signale_reattribution', type: 'bool' },
    nombrePersonnes: { expr: 'd.nombre_personnes', type: 'int' },
    derniereMiseAJour: { expr: 'd.derniere_mise_ajour', type: 'date' },
    situationsPrioritaires: { expr: 'd.situations_prioritaires', type: 'arrayContains' },
  },
  search: ['d.reference', 'dr.recherche like {{q}}'],
  scope: { departementsCandidatures: departementsStockes('d.departements') },
  defaultSort: ['derniereMiseAJour', 'DESC'],
  unsortable: ['codemandeur', 'secteursRecherche', 'situationsPrioritaires'],
};
