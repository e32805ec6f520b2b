import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  CanalDemande, NatureOffre, FormeOffre, PublicCible, Reglementation, SituationPrioritaire, StatutCandidature, Typologie,
} from '../../../../shared/domain/enums';
import type { EntrepriseRules, JustificatifRules, SuspensionRules } from '../../../../shared/domain/types';

export interface CandidatureCtx {
  c: {
    id: number; reference: string; statut: StatutCandidature; demande_id: number; demandeur_id: number; offre_id: number;
    date_candidature: Date; palier: number; agent_en_charge_id: number | null; verrou_activite_le: Date | null;
    prise_en_charge_le: Date | null; motif: string | null; canal: CanalDemande | null;
  };
  offre: {
    id: number; reference: string; titre: string; nature: NatureOffre; forme: FormeOffre; reglementation: Reglementation;
    typologie: Typologie; programme_id: number; nombre_logements: number; plafonds: Record<string, number>; bailleur_nom: string;
  };
  demande: {
    id: number; statut: string; nombre_personnes: number; codemandeur: unknown; revenu_fiscal_reference: number;
    public_cible: PublicCible; situations_prioritaires: SituationPrioritaire[]; accompagne: boolean;
    controle_renforce: boolean; signale_reattribution: boolean;
  };
  demandeur: { id: number; civilite: string; nom: string; prenom: string; email: string };
  justificatifs: JustificatifRules[];
  suspensions: SuspensionRules[];
  entreprises: EntrepriseRules[];
  holder: { id: number; nom: string } | null;
}

/**
 * Everything the rules need about one candidature, in six small queries; with `lock`, the
 * candidature row is locked FOR UPDATE (the caller is in a transaction) so concurrent actions
 * on it run one after the other.
 */
export async function chargerCandidature(em: EntityManager, id: number, lock: boolean): Promise<CandidatureCtx | null> {
  const conn = em.getConnection();
  const [c] = await conn.execute<CandidatureCtx['c'][]>(`select * from candidature where id = ?${lock ? ' for update' : ''}`, [id]);
  if (!c) return null;
  const [offre] = await conn.execute<CandidatureCtx['offre'][]>(
    `select o.*, b.nom as bailleur_nom from offre o join bailleur b on b.id = o.bailleur_id where o.id = ?`,
    [c.offre_id],
  );
  const [demande] = await conn.execute<(CandidatureCtx['demande'] & { entreprise_id: number | null })[]>(
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
