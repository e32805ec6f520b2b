import { STATUTS_JUSTIFICATIF, TITULAIRES, TYPES_JUSTIFICATIF } from '@shared/domain/enums';
import { departementsStockes } from '@server/http/abilitySql';
import type { ResourceDef } from '@server/http/resource';

export const justificatifs: ResourceDef = {
  name: 'justificatifs',
  from: 'justificatif j join demande jd on jd.id = j.demande_id join demandeur dr on dr.id = jd.demandeur_id',
  alias: 'j',
  joinsFacultatifs: ['jd', 'dr'],
  triNonNul: ['id', 'deposeLe', 'statut', 'type', 'demandeId'],
  fields: {
    id: 'j.id', demandeId: 'j.demande_id', demandeurId: 'jd.demandeur_id', titulaire: 'j.titulaire', type: 'j.type',
    statut: 'j.statut', motifRefus: 'j.motif_refus', dateValiditeFin: 'j.date_validite_fin', sha256: 'j.sha256',
    taille: 'j.taille', mime: 'j.mime', nomOriginal: 'j.nom_original', metadonneesPdf: 'j.metadonnees_pdf',
    remplace: 'j.remplace', actif: 'j.actif', verifieParId: 'j.verifie_par_id', verifieLe: 'j.verifie_le',
    motifFalsification: 'j.motif_falsification', deposeLe: 'j.depose_le',
    demandeurNom: 'dr.nom', demandeurPrenom: 'dr.prenom',
  },
  filters: {
    demandeId: { expr: 'j.demande_id', type: 'int' },
    demandeurId: { expr: 'jd.demandeur_id', type: 'int' },
    type: { expr: 'j.type', type: 'enum', values: TYPES_JUSTIFICATIF },
    titulaire: { expr: 'j.titulaire', type: 'enum', values: TITULAIRES },
    statut: { expr: 'j.statut', type: 'enum', values: STATUTS_JUSTIFICATIF },
    actif: { expr: 'j.actif', type: 'bool' },
    deposeLe: { expr: 'j.depose_le', type: 'date' },
    dateValiditeFin: { expr: 'j.date_validite_fin', type: 'date' },
  },
  search: [
    'j.demande_id = any(array(select rdd.id from demande rdd join demandeur rd on rd.id = rdd.demandeur_id where rd.recherche like {{q}}))',
    'j.nom_original',
  ],
  scope: { departementsCandidatures: departementsStockes('j.departements') },
  defaultSort: ['deposeLe', 'DESC'],
  unsortable: ['metadonneesPdf'],
};
