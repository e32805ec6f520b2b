import type { EntityManager } from '@mikro-orm/postgresql';
import type { MotifCloture, StatutCandidature } from '@shared/domain/enums';
import { transition } from '@shared/rules/candidature';
import { audit } from '@server/modules/audit-events/audit';
import type { DemandeTable } from '@server/db/schema';

export const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

export interface DemandeOuverte {
  id: number;
  reference: string;
  statut: DemandeTable['statut'];
  demandeurId: number;
}
export interface CandidatureOuverte {
  id: number;
  reference: string;
  statut: StatutCandidature;
  demandeurId: number;
  offreReference: string;
  departement: string;
}

/** The open demande(s) and open candidatures of these demandeurs (what a closure would touch), optionally locked. */
export async function dossiersOuverts(em: EntityManager, demandeurIds: number[], verrouiller = false) {
  if (demandeurIds.length === 0) return { demandes: [] as DemandeOuverte[], candidatures: [] as CandidatureOuverte[] };
  const lock = verrouiller ? ' for update of c' : '';
  const candidatures = await em.execute<CandidatureOuverte[]>(
    `select c.id, c.reference, c.statut, c.demandeur_id as "demandeurId", o.reference as "offreReference", c.departement
       from candidature c join offre o on o.id = c.offre_id
      where c.demandeur_id in (${marks(demandeurIds.length)}) and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur')
      order by c.date_candidature, c.id${lock}`,
    demandeurIds,
  );
  const demandes = await em.execute<DemandeOuverte[]>(
    `select d.id, d.reference, d.statut, d.demandeur_id as "demandeurId" from demande d
      where d.demandeur_id in (${marks(demandeurIds.length)}) and d.statut <> 'cloturee' order by d.id${verrouiller ? ' for update' : ''}`,
    demandeurIds,
  );
  return { demandes, candidatures };
}

export interface OptionsCloture {
  /** The demande's motifCloture (fraude, incivilite, fermeture_compte). */
  motifDemande: MotifCloture;
  /** The text written on each candidature (visible to every agent: never the fraud motive). */
  motifCandidature: string;
  agentId: number;
  ip?: string;
  now: Date;
}

/**
 * Closes, in the caller's transaction, the open demande and every open candidature of these
 * demandeurs (shared lifecycle: `cloturer` by the system), expires their pending propositions,
 * and writes one audit event per record changed. Three statements whatever the number of rows.
 */
export async function cloturerDossiers(tx: EntityManager, demandeurIds: number[], o: OptionsCloture) {
  const { demandes, candidatures } = await dossiersOuverts(tx, demandeurIds, true);
  const acteur = { type: 'agent' as const, id: o.agentId };
  const closes = candidatures.flatMap((c) => {
    const t = transition(c.statut, 'cloturer', 'systeme');
    return t.ok ? [{ ...c, vers: t.statut }] : []; // only open ones were selected: never force a transition
  });
  if (closes.length) {
    await tx.execute(
      `update candidature set statut = 'cloturee', cloture_le = ?, motif = ?, verrou_activite_le = null, version = version + 1, updated_at = ?
        where id in (${marks(closes.length)})`,
      [o.now, o.motifCandidature, o.now, ...closes.map((c) => c.id)],
    );
  }
  for (const c of closes) {
    audit(tx, { at: o.now, acteur, action: 'cloturer', entite: 'candidature', entiteId: c.id, de: c.statut, vers: c.vers, motif: o.motifCandidature, ip: o.ip });
  }
  if (demandes.length) {
    await tx.execute(`update demande set statut = 'cloturee', motif_cloture = ?, cloture_le = ? where id in (${marks(demandes.length)})`, [
      o.motifDemande,
      o.now,
      ...demandes.map((d) => d.id),
    ]);
  }
  for (const d of demandes) {
    audit(tx, { at: o.now, acteur, action: 'cloturer', entite: 'demande', entiteId: d.id, de: d.statut, vers: 'cloturee', motif: o.motifDemande, ip: o.ip });
  }
  const propositions = await tx.execute<{ id: number }[]>(
    `update proposition set statut = 'expiree', repondu_le = ? where demandeur_id in (${marks(demandeurIds.length)}) and statut = 'envoyee' returning id`,
    [o.now, ...demandeurIds],
  );
  for (const p of propositions) {
    audit(tx, { at: o.now, acteur, action: 'expirer', entite: 'proposition', entiteId: p.id, de: 'envoyee', vers: 'expiree', motif: o.motifCandidature, ip: o.ip });
  }
  return { demandes, candidatures: closes, propositions: propositions.map((p) => p.id) };
}
