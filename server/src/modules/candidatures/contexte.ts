import type { EntityManager } from '@mikro-orm/postgresql';
import type { CandidatureTable, DemandeTable, DemandeurTable, OffreTable } from '@server/db/schema';
import type { EntrepriseRules, JustificatifRules, SuspensionRules } from '@shared/domain/types';

/** The rows the rules read, typed from the generated table types (they follow the migrations). */
export interface CandidatureCtx {
  c: CandidatureTable;
  offre: OffreTable & { bailleur_nom: string };
  demande: DemandeTable & { accompagne: boolean };
  demandeur: Pick<DemandeurTable, 'id' | 'civilite' | 'nom' | 'prenom' | 'email'>;
  justificatifs: JustificatifRules[];
  suspensions: SuspensionRules[];
  entreprises: EntrepriseRules[];
  holder: { id: number; nom: string } | null;
}

/**
 * Everything the rules need about one candidature, in a few small queries, all through `em`
 * (with `lock`, the caller's transactional em: every statement runs on the transaction's own
 * connection; `em.getConnection().execute` would take another pooled connection, outside it).
 *
 * With `lock`, rows are locked in the one order every use case follows (offre, then demandeur,
 * then candidature), so concurrent writers queue instead of deadlocking: the offre (the
 * 3-per-logement cap is counted under it; a withdrawal and a portal application take it first
 * too), then the demandeur (suspensions, application limits, attribution across its demande: a
 * designation and a suspension of the same person run one after the other and the second sees
 * what the first committed), then the candidature itself.
 */
export async function chargerCandidature(em: EntityManager, id: number, lock: boolean, opts: { demande?: boolean } = {}): Promise<CandidatureCtx | null> {
  const conn = em;
  if (lock) {
    const [cle] = await conn.execute<{ demandeur_id: number; offre_id: number; demande_id: number }[]>(`select demandeur_id, offre_id, demande_id from candidature where id = ?`, [id]);
    if (!cle) return null;
    // FOR NO KEY UPDATE: serializes the writers of these rows without blocking inserts that only reference them.
    await conn.execute(`select id from offre where id = ? for no key update`, [cle.offre_id]);
    await conn.execute(`select id from demandeur where id = ? for no key update`, [cle.demandeur_id]);
    // `demande`: a use case that decides on the demande's pieces waits for a deposit in progress (which
    // holds the demande FOR UPDATE, then the candidatures), in the order offre → demandeur → demande →
    // candidature. FOR KEY SHARE, what a row referencing the demande takes anyway: taken here, before the
    // candidature, rather than at the insert, after it (which could deadlock with the deposit).
    if (opts.demande) await conn.execute(`select id from demande where id = ? for key share`, [cle.demande_id]);
  }
  const [c] = await conn.execute<CandidatureCtx['c'][]>(`select * from candidature where id = ?${lock ? ' for update' : ''}`, [id]);
  if (!c) return null;
  const [offre] = await conn.execute<CandidatureCtx['offre'][]>(
    `select o.*, b.nom as bailleur_nom from offre o join bailleur b on b.id = o.bailleur_id where o.id = ?`,
    [c.offre_id],
  );
  const [demande] = await conn.execute<CandidatureCtx['demande'][]>(
    `select d.*, d.accompagne_service_salaries_en_difficulte as accompagne from demande d where d.id = ?`,
    [c.demande_id],
  );
  const [demandeur] = await conn.execute<CandidatureCtx['demandeur'][]>(
    `select id, civilite, nom, prenom, email from demandeur where id = ?`,
    [c.demandeur_id],
  );
  const justificatifs = await conn.execute<JustificatifRules[]>(
    `select id, titulaire, type, statut, date_validite_fin as "dateValiditeFin" from justificatif where demande_id = ? and actif order by id`,
    [c.demande_id],
  );
  const suspensions = await conn.execute<SuspensionRules[]>(
    `select type, debut, fin, levee_le as levee from suspension where demandeur_id = ?`,
    [c.demandeur_id],
  );
  const entreprises = demande.entreprise_id
    ? await conn.execute<EntrepriseRules[]>(
        `select siret, contribution, coalesce(droits_pseec_restants, 0) as "droitsPseecRestants" from entreprise where id = ?`,
        [demande.entreprise_id],
      )
    : [];
  const holder = c.agent_en_charge_id
    ? (await conn.execute<{ id: number; nom: string }[]>(`select id, prenom || ' ' || nom as nom from agent where id = ?`, [c.agent_en_charge_id]))[0]
    : null;
  return { c, offre, demande, demandeur, justificatifs, suspensions, entreprises, holder };
}

/** Inputs of the shared rules, from the loaded context. */
export function foyer(ctx: CandidatureCtx) {
  return {
    codemandeur: ctx.demande.codemandeur !== null,
    situationsPrioritaires: ctx.demande.situations_prioritaires,
    publicCible: ctx.demande.public_cible,
    accompagneServiceSalariesEnDifficulte: ctx.demande.accompagne,
  };
}

export const VERROU_MINUTES = 30;

/** The soft lock ("traité par X depuis HH:MM") is live while its holder acted in the last 30 min. */
export function verrouActif(ctx: CandidatureCtx, now: Date): boolean {
  const c = ctx.c;
  return !!c.agent_en_charge_id && !!c.verrou_activite_le && now.getTime() - new Date(c.verrou_activite_le).getTime() < VERROU_MINUTES * 60_000;
}
