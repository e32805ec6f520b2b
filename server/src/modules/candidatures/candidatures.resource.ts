import { CANAUX_DEMANDE, NATURES_OFFRE, ORIGINES_CANDIDATURE, PUBLICS_CIBLES, STATUTS_CANDIDATURE } from '../../../../shared/domain/enums';
import type { ResourceDef } from '../../http/resource';
import { motifClassement } from '../../../../shared/rules/classement';
import type { NatureOffre } from '../../../../shared/domain/enums';

const OUVERTS = "('deposee', 'en_instruction', 'transmise_bailleur')";
const FINAUX = "('attribuee', 'non_retenue', 'annulee', 'cloturee')";

/**
 * R-RANK: rank among the open candidatures of the same offer, by (palier, dateCandidature, id).
 * The palier is the shared rule's, stored and refreshed on every change (paliers.ts); counting the
 * better-placed rows is a range scan of candidature_offre_palier_idx.
 */
export const RANG_SQL = `case when c.statut in ${OUVERTS} then (select count(*) + 1 from candidature r
  where r.offre_id = c.offre_id and r.statut in ${OUVERTS}
    and (r.palier, r.date_candidature, r.id) < (c.palier, c.date_candidature, c.id)) end`;

/** The work-queue tabs (custom filter `onglet`). */
export const ONGLETS = ['a_traiter', 'mes_dossiers', 'en_instruction', 'transmises', 'traitees', 'toutes'] as const;
const ONGLET_SQL: Record<(typeof ONGLETS)[number], string> = {
  a_traiter: "c.statut = 'deposee' and c.agent_en_charge_id is null",
  mes_dossiers: `c.agent_en_charge_id = ? and c.statut in ${OUVERTS}`,
  en_instruction: "c.statut = 'en_instruction'",
  transmises: "c.statut = 'transmise_bailleur'",
  traitees: `c.statut in ${FINAUX}`,
  toutes: 'true',
};
export function ongletSql(onglet: (typeof ONGLETS)[number], agentId: number) {
  return { sql: `(${ONGLET_SQL[onglet]})`, params: onglet === 'mes_dossiers' ? [agentId] : [] };
}

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
    verrouActiviteLe: 'c.verrou_activite_le',
    palier: `case when c.statut in ${OUVERTS} then c.palier end`,
    rang: RANG_SQL,
    offreNombreLogements: 'o.nombre_logements',
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
    palier: { expr: 'c.palier', type: 'int' },
    onglet: { expr: '', type: 'custom', values: ONGLETS, build: (v, who) => ongletSql(v as (typeof ONGLETS)[number], who.agentId) },
  },
  search: ['c.reference', 'dr.nom', 'dr.prenom', 'o.reference'],
  scope: { departement: 'c.departement' },
  defaultSort: ['dateCandidature', 'ASC'],
  sorts: {
    rang: (dir) =>
      `(c.statut in ${OUVERTS}) ${dir === 'ASC' ? 'desc' : 'asc'}, c.palier ${dir}, c.date_candidature ${dir}, c.id ${dir}`,
  },
  decorate: (rows) => {
    for (const r of rows) {
      r.motifRang = r.palier == null ? null : motifClassement(r.nature as NatureOffre, r.palier as number, r.dateCandidature as Date);
    }
  },
};
