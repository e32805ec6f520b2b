import type { EntityManager } from '@mikro-orm/postgresql';
import type { Titulaire, TypeJustificatif } from '@shared/domain/enums';
import type { DemandePieceTable } from '@server/db/schema';
import { audit } from '@server/modules/audit-events/audit';

/** A pending « Demander la pièce » request (issue #15) as the dossier shows it. */
export type DemandePieceVue = Pick<DemandePieceTable, 'id' | 'type' | 'titulaire' | 'motif'> & {
  candidatureId: number; demandeeLe: Date; agentId: number; agentNom: string;
};

/** The pending requests of candidatures (dossier lines), with the requesting agent's name. */
export async function demandesEnAttente(em: EntityManager, candidatureId: number): Promise<DemandePieceVue[]> {
  return em.execute<DemandePieceVue[]>(
    `select dp.id, dp.candidature_id as "candidatureId", dp.type, dp.titulaire, dp.motif, dp.demandee_le as "demandeeLe",
            dp.agent_id as "agentId", a.prenom || ' ' || a.nom as "agentNom"
       from demande_piece dp join agent a on a.id = dp.agent_id
      where dp.candidature_id = ? and dp.satisfaite_le is null order by dp.id`,
    [candidatureId],
  );
}

/**
 * The deposit of a piece on the portal satisfies the pending requests for it (type and titulaire)
 * on every candidature of the demande, in the deposit's transaction. Audited once per request.
 */
export async function satisfaireDemandes(tx: EntityManager, demandeId: number, type: TypeJustificatif, titulaire: Titulaire, justificatifId: number, demandeurId: number, now: Date, ip?: string) {
  const faites = await tx.execute<{ id: number; candidature_id: number }[]>(
    `update demande_piece set satisfaite_le = ? where demande_id = ? and type = ? and titulaire = ? and satisfaite_le is null returning id, candidature_id`,
    [now, demandeId, type, titulaire],
  );
  for (const f of faites) {
    audit(tx, {
      at: now, acteur: { type: 'demandeur', id: demandeurId }, action: 'piece_fournie', entite: 'candidature', entiteId: f.candidature_id,
      details: { demandePieceId: f.id, justificatifId, type, titulaire }, ip,
    });
  }
  return faites.length;
}

/**
 * What the portal shows of the pending requests of a demande (« Pièce demandée le … : motif »):
 * the piece, the motif, the date and the candidature (still open); never the agent (no agent is named to a demandeur).
 */
export async function demandesPortail(em: EntityManager, demandeId: number) {
  return em.execute<{ type: TypeJustificatif; titulaire: Titulaire; motif: string; demandeeLe: Date; candidatureReference: string }[]>(
    `select dp.type, dp.titulaire, dp.motif, dp.demandee_le as "demandeeLe", c.reference as "candidatureReference"
       from demande_piece dp join candidature c on c.id = dp.candidature_id
      where dp.demande_id = ? and dp.satisfaite_le is null and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur')
      order by dp.demandee_le, dp.id`,
    [demandeId],
  );
}
