import { CANAUX_DEMANDE, NATURES_OFFRE, ORIGINES_CANDIDATURE, PUBLICS_CIBLES, STATUTS_CANDIDATURE } from '@shared/domain/enums';
import type { ResourceDef } from '@server/http/resource';
import { motifClassement } from '@shared/rules/classement';
import type { NatureOffre } from '@shared/domain/enums';
import { seuilRelance } from '@shared/rules/lienBailleur';
import { ATTENTE_BAILLEUR_DEPUIS, joursRelance } from '@server/modules/bailleurs/relances';
import { CHAMPS_SUIVI, FILTRE_SUIVIES } from './suivi';

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

/**
 * Offer by offer, the oldest offer first (its publication, else its creation), and R-RANK within each
 * (palier, dateCandidature, id): the order of « Traiter le suivant » and of the queue's « rang par offre ».
 */
export const ordreParOffre = (dir: 'asc' | 'desc') =>
  ['coalesce(o.debut_publication, o.created_at)', 'o.id', 'c.palier', 'c.date_candidature', 'c.id'].map((k) => `${k} ${dir}`).join(', ');

/** The work-queue tabs (custom filter `onglet`). */
export const ONGLETS = ['a_traiter', 'mes_dossiers', 'en_instruction', 'transmises', 'sans_reponse_bailleur', 'traitees', 'toutes'] as const;
const ONGLET_SQL: Record<(typeof ONGLETS)[number], string> = {
  a_traiter: "c.statut = 'deposee' and c.agent_en_charge_id is null",
  mes_dossiers: `c.agent_en_charge_id = ? and c.statut in ${OUVERTS}`,
  en_instruction: "c.statut = 'en_instruction'",
  transmises: "c.statut = 'transmise_bailleur'",
  // R-BAIL-RELANCE: still awaiting the bailleur BAILLEUR_RELANCE_JOURS after it was sent (or designated, if never sent).
  sans_reponse_bailleur: `c.statut = 'transmise_bailleur' and ${ATTENTE_BAILLEUR_DEPUIS} <= ?`,
  traitees: `c.statut in ${FINAUX}`,
  toutes: 'true',
};
export function ongletSql(onglet: (typeof ONGLETS)[number], agentId: number, now: Date) {
  const params: unknown[] = onglet === 'mes_dossiers' ? [agentId] : onglet === 'sans_reponse_bailleur' ? [seuilRelance(now, joursRelance())] : [];
  return { sql: `(${ONGLET_SQL[onglet]})`, params };
}

export const candidatures: ResourceDef = {
  name: 'candidatures',
  from:
    'candidature c join demandeur dr on dr.id = c.demandeur_id join demande cd on cd.id = c.demande_id ' +
    'join offre o on o.id = c.offre_id left join agent ag on ag.id = c.agent_en_charge_id',
  alias: 'c',
  joinsFacultatifs: ['dr', 'cd', 'o', 'ag'],
  triNonNul: ['id', 'reference', 'dateCandidature', 'statut', 'createdAt', 'updatedAt', 'departement', 'offreId'],
  fields: {
    id: 'c.id', reference: 'c.reference', demandeId: 'c.demande_id', demandeurId: 'c.demandeur_id', offreId: 'c.offre_id',
    departement: 'c.departement', nature: 'c.nature', statut: 'c.statut', dateCandidature: 'c.date_candidature',
    origine: 'c.origine', agentEnChargeId: 'c.agent_en_charge_id', priseEnChargeLe: 'c.prise_en_charge_le',
    motif: 'c.motif', canal: 'c.canal', designeeLe: 'c.designee_le', clotureLe: 'c.cloture_le',
    createdAt: 'c.created_at', updatedAt: 'c.updated_at',
    demandeurNom: 'dr.nom', demandeurPrenom: 'dr.prenom', offreReference: 'o.reference', offreTitre: 'o.titre',
    publicCible: 'c.public_cible', controleRenforce: 'cd.controle_renforce',
    agentEnChargeNom: "case when ag.id is null then null else ag.prenom || ' ' || ag.nom end",
    verrouActiviteLe: 'c.verrou_activite_le',
    palier: `case when c.statut in ${OUVERTS} then c.palier end`,
    rang: RANG_SQL,
    /** UI-FILE: pieces of its demande deposited and not yet checked (open candidatures only). */
    piecesAVerifier: `case when c.statut in ${OUVERTS} then (select count(*)::int from justificatif j where j.demande_id = c.demande_id and j.actif and j.statut = 'depose') end`,
    /** UI-FILE: whole days since it was made, in Paris (open candidatures only). */
    joursAttente: `case when c.statut in ${OUVERTS} then (({{now}} at time zone 'Europe/Paris')::date - (c.date_candidature at time zone 'Europe/Paris')::date) end`,
    offreNombreLogements: 'o.nombre_logements',
    /** When it was first sent to the bailleur through the platform (« Envoyer au bailleur »). */
    envoyeeBailleurLe: 'c.envoyee_bailleur_le',
    /** UI-SUIVI: the caller follows it; changed since his last visit (null when he does not follow it). */
    ...CHAMPS_SUIVI,
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
    publicCible: { expr: 'c.public_cible', type: 'enum', values: PUBLICS_CIBLES },
    controleRenforce: { expr: 'cd.controle_renforce', type: 'bool' },
    palier: { expr: 'c.palier', type: 'int' },
    suivies: FILTRE_SUIVIES,
    onglet: { expr: '', type: 'custom', values: ONGLETS, build: (v, who) => ongletSql(v as (typeof ONGLETS)[number], who.agentId, who.now) },
  },
  // The demandeur's and the offer's matches as id arrays: a bitmap OR of index scans, no join before the page.
  search: [
    'c.reference',
    // Only the demandeurs with a candidature in the scope's départements (stored, GIN): « martin » for a
    // conseiller of 75 and 92 probes candidature for 1 826 demandeurs instead of 4 515.
    'c.demandeur_id = any(array(select rd.id from demandeur rd where rd.recherche like {{q}} and {{departements(rd.departements)}}))',
    'c.offre_id = any(array(select ro.id from offre ro where als_unaccent(ro.reference) like {{q}}))',
  ],
  scope: { departement: 'c.departement' },
  defaultSort: ['dateCandidature', 'ASC'],
  sorts: {
    // R-RANK, and UI-FILE across offers: open ones first, offer by offer (by its id: creation order), the
    // rank within each. Filtered on one offer, c.offre_id is a constant the planner drops from the sort.
    rang: (dir) =>
      `(c.statut in ${OUVERTS}) ${dir === 'ASC' ? 'desc' : 'asc'}, c.offre_id ${dir}, c.palier ${dir}, c.date_candidature ${dir}, c.id ${dir}`,
  },
  decorate: (rows) => {
    for (const r of rows) {
      r.motifRang = r.palier == null ? null : motifClassement(r.nature as NatureOffre, r.palier as number, r.dateCandidature as Date);
    }
  },
};
