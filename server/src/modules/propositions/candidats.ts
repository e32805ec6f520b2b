/**
 * Batched loading of what the shared rules need about a bounded set of demandeurs, for one or
 * more offers: §11.17 matching (GET /api/offres/:id/correspondances), propositions (POST
 * /api/propositions) and similar offers (§11.25). A constant number of queries whatever the
 * number of demandeurs (no N+1): the base rows (demandeur + open demande) come from the caller,
 * then justificatifs, suspensions, open candidatures and pending propositions in one query each.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { FormeOffre, NatureOffre, PublicCible, SituationPrioritaire, StatutCandidature, StatutDemande, Typologie } from '@shared/domain/enums';
import type { DemandeRules, JustificatifRules, OffreRules, SuspensionRules } from '@shared/domain/types';
import type { CandidatureExistante } from '@shared/rules/limites';

export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** An offer as the rules see it, plus what the answers show. */
export interface OffreCible extends OffreRules {
  reference: string;
  titre: string;
  commune: string;
  codeInsee: string;
  departement: string;
  retiree: boolean;
}

export const COLONNES_OFFRE = `o.id, o.reference, o.titre, o.commune, o.code_insee as "codeInsee", o.departement, o.nature, o.forme,
  o.programme_id as "programmeId", o.typologie, o.reglementation, o.plafonds, o.publiee, o.debut_publication as "debutPublication",
  o.fin_publication as "finPublication", o.depubliee_le is not null as depubliee,
  (o.reprise_le is not null or o.attribution_directe_le is not null) as retiree`;

/** Stored plafonds are `{"1": 24000}`: the rules want numbers. */
export function versOffreCible(row: OffreCible): OffreCible {
  const plafonds = Object.fromEntries(Object.entries(row.plafonds ?? {}).map(([k, v]) => [Number(k), Number(v)]));
  return { ...row, plafonds };
}

export async function chargerOffres(em: EntityManager, ids: number[], verrou = false): Promise<OffreCible[]> {
  if (ids.length === 0) return [];
  const rows = await em.execute<OffreCible[]>(`select ${COLONNES_OFFRE} from offre o where o.id in (${marks(ids.length)})${verrou ? ' for share' : ''}`, ids);
  return rows.map(versOffreCible);
}

/** One demandeur with its open demande (null when none), as the base queries return it. */
export interface BaseCandidat {
  demandeurId: number;
  civilite: string;
  nom: string;
  prenom: string;
  email: string;
  compteActif: boolean;
  demandeId: number | null;
  demandeReference: string | null;
  statut: StatutDemande | null;
  nombrePersonnes: number | null;
  codemandeur: boolean | null;
  revenuFiscalReference: number | null;
  publicCible: PublicCible | null;
  situationsPrioritaires: SituationPrioritaire[] | null;
  accompagne: boolean | null;
  dateDemande: Date | null;
}

/** The SELECT list of a base row, over `demandeur dr` left-joined to the open `demande d`. */
export const COLONNES_BASE = `dr.id as "demandeurId", dr.civilite, dr.nom, dr.prenom, dr.email,
  (dr.statut_compte = 'actif' and dr.desactive_le is null) as "compteActif",
  d.id as "demandeId", d.reference as "demandeReference", d.statut, d.nombre_personnes as "nombrePersonnes",
  d.codemandeur is not null as codemandeur, d.revenu_fiscal_reference as "revenuFiscalReference", d.public_cible as "publicCible",
  d.situations_prioritaires as "situationsPrioritaires", d.accompagne_service_salaries_en_difficulte as accompagne, d.created_at as "dateDemande"`;

/**
 * Base rows of these demandeurs (their open demande, if any), by id. With `verrou` (inside the
 * caller's transaction) the demandeur rows are locked `for share`, in id order (no deadlock between
 * two batches): a suspension, a closure or a deactivation of one of them (which lock it `for update`)
 * waits for the caller's commit, or has committed before the rows are read.
 */
export async function basesParDemandeur(em: EntityManager, demandeurIds: number[], verrou = false): Promise<BaseCandidat[]> {
  if (demandeurIds.length === 0) return [];
  return em.execute<BaseCandidat[]>(
    `select ${COLONNES_BASE} from demandeur dr left join demande d on d.demandeur_id = dr.id and d.statut <> 'cloturee'
      where dr.id in (${marks(demandeurIds.length)})${verrou ? ' order by dr.id for share of dr' : ''}`,
    demandeurIds,
  );
}

export interface Candidat<B extends BaseCandidat = BaseCandidat> {
  base: B;
  demande: DemandeRules | null;
  justificatifs: JustificatifRules[];
  suspensions: SuspensionRules[];
  candidatures: CandidatureExistante[];
  /** Pending (`envoyee`) propositions of the demandeur: offreId → sent at. */
  propositionsEnAttente: Map<number, Date>;
}

function grouper<T, K>(rows: T[], cle: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) m.set(cle(r), [...(m.get(cle(r)) ?? []), r]);
  return m;
}

/** Four queries for the whole set: pieces, suspensions, open candidatures (with their offer), pending propositions. */
export async function completerCandidats<B extends BaseCandidat>(em: EntityManager, bases: B[]): Promise<Candidat<B>[]> {
  const demandeIds = bases.flatMap((b) => (b.demandeId === null ? [] : [b.demandeId]));
  const demandeurIds = bases.map((b) => b.demandeurId);
  if (demandeurIds.length === 0) return [];
  const pieces = demandeIds.length
    ? await em.execute<(JustificatifRules & { demandeId: number })[]>(
        `select id, demande_id as "demandeId", titulaire, type, statut, date_validite_fin as "dateValiditeFin"
           from justificatif where actif and demande_id in (${marks(demandeIds.length)}) order by id`,
        demandeIds,
      )
    : [];
  const suspensions = await em.execute<(SuspensionRules & { demandeurId: number })[]>(
    `select demandeur_id as "demandeurId", type, debut, fin, levee_le as levee from suspension where demandeur_id in (${marks(demandeurIds.length)})`,
    demandeurIds,
  );
  const candidatures = await em.execute<{ demandeurId: number; statut: StatutCandidature; id: number; nature: NatureOffre; forme: FormeOffre; programmeId: number | null; typologie: Typologie }[]>(
    `select c.demandeur_id as "demandeurId", c.statut, o.id, o.nature, o.forme, o.programme_id as "programmeId", o.typologie
       from candidature c join offre o on o.id = c.offre_id
      where c.demandeur_id in (${marks(demandeurIds.length)}) and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur')`,
    demandeurIds,
  );
  const propositions = await em.execute<{ demandeurId: number; offreId: number; envoyeeLe: Date }[]>(
    `select demandeur_id as "demandeurId", offre_id as "offreId", envoyee_le as "envoyeeLe" from proposition
      where statut = 'envoyee' and demandeur_id in (${marks(demandeurIds.length)})`,
    demandeurIds,
  );
  const piecesDe = grouper(pieces, (p) => p.demandeId);
  const suspensionsDe = grouper(suspensions, (s) => s.demandeurId);
  const candidaturesDe = grouper(candidatures, (c) => c.demandeurId);
  const propositionsDe = grouper(propositions, (p) => p.demandeurId);
  return bases.map((base) => ({
    base,
    demande: versDemande(base),
    justificatifs: (base.demandeId === null ? [] : piecesDe.get(base.demandeId) ?? []).map(({ id, titulaire, type, statut, dateValiditeFin }) => ({ id, titulaire, type, statut, dateValiditeFin })),
    suspensions: (suspensionsDe.get(base.demandeurId) ?? []).map(({ type, debut, fin, levee }) => ({ type, debut, fin, levee })),
    candidatures: (candidaturesDe.get(base.demandeurId) ?? []).map((c) => ({
      statut: c.statut,
      offre: { id: c.id, nature: c.nature, forme: c.forme, programmeId: c.programmeId, typologie: c.typologie },
    })),
    propositionsEnAttente: new Map((propositionsDe.get(base.demandeurId) ?? []).map((p) => [p.offreId, p.envoyeeLe])),
  }));
}

function versDemande(b: BaseCandidat): DemandeRules | null {
  if (b.demandeId === null || b.statut === null) return null;
  return {
    statut: b.statut,
    nombrePersonnes: b.nombrePersonnes ?? 1,
    codemandeur: b.codemandeur ?? false,
    revenuFiscalReference: b.revenuFiscalReference ?? 0,
    publicCible: b.publicCible ?? 'hors_public_cible',
    situationsPrioritaires: b.situationsPrioritaires ?? [],
    accompagneServiceSalariesEnDifficulte: b.accompagne ?? false,
  };
}
