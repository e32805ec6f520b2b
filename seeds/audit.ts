/**
 * The audit journal of everything the seed pretends happened: candidature transitions, checks
 * of pieces, suspensions and their lifting, demande closures, propositions. Fraud events are
 * flagged `fraude` (R-FRAUD-VIS).
 */
import { AuditEvent, type IAuditEvent } from '@server/modules/audit-events/AuditEvent.entity';
import type { Agents } from './agents';
import type { ActeurType, CandidaturePlan } from './candidatures-types';
import { inserer, type SeedContext } from './context';
import type { PieceSeed } from './justificatifs';
import type { PersonnePlan } from './plan';
import type { PropositionSeed } from './propositions';
import type { SuspensionSeed } from './suspensions';
import { MOTIF_PRIORITE_CLOTURE } from './textes';

export type AuditRow = {
  at: Date;
  acteurType: ActeurType;
  acteurId: number | null;
  action: string;
  entite: string;
  entiteId: number;
  de: string | null;
  vers: string | null;
  motif: string | null;
  details: Record<string, unknown> | null;
  fraude: boolean;
  ip: string | null;
};

const ACTION_PIECE = { valide: 'valider', refuse: 'refuser', falsifie: 'marquer_falsifie' } as const;

export async function seedAudit(
  ctx: SeedContext,
  personnes: PersonnePlan[],
  candidatures: CandidaturePlan[],
  pieces: PieceSeed[],
  suspensions: SuspensionSeed[],
  propositions: PropositionSeed[],
  agents: Agents,
  autres: AuditRow[],
): Promise<number> {
  const rows: AuditRow[] = [...autres];
  const ev = (r: Partial<AuditRow> & Pick<AuditRow, 'at' | 'acteurType' | 'action' | 'entite' | 'entiteId'>) =>
    rows.push({ acteurId: null, de: null, vers: null, motif: null, details: null, fraude: false, ip: null, ...r });
  for (const c of candidatures) {
    for (const e of c.etapes) {
      const acteurId = e.acteur === 'agent' ? (e.agent?.id ?? null) : e.acteur === 'demandeur' ? c.personne.id : null;
      const details: Record<string, unknown> = { reference: c.reference, offre: c.offre.reference };
      if (e.canal) details.canal = e.canal;
      if (e.action === 'candidater' && c.origine === 'proposition') details.origine = 'proposition';
      ev({ at: e.at, acteurType: e.acteur, acteurId, action: e.action, entite: 'candidature', entiteId: c.id, de: e.de, vers: e.vers, motif: e.motif, details });
    }
  }
  for (const x of pieces) {
    if (x.statut === 'depose' || x.statut === 'expire' || !x.verifieLe || !x.verifiePar) continue;
    const action = ACTION_PIECE[x.statut];
    ev({ at: x.verifieLe, acteurType: 'agent', acteurId: x.verifiePar.id, action, entite: 'justificatif', entiteId: x.id, de: 'depose', vers: x.statut, fraude: x.statut === 'falsifie', details: { type: x.type, titulaire: x.titulaire } });
  }
  for (const s of suspensions) {
    const details = { type: s.type, dureeMois: s.dureeMois, fin: s.fin.toISOString(), demandeurId: s.personne.id, recidive: s.recidive };
    ev({ at: s.debut, acteurType: 'agent', acteurId: agents.fraude.id, action: 'suspendre', entite: 'suspension', entiteId: s.id, vers: 'en_vigueur', motif: s.motif, details, fraude: true });
    if (s.levee) ev({ at: s.levee.le, acteurType: 'agent', acteurId: agents.fraude.id, action: 'lever', entite: 'suspension', entiteId: s.id, de: 'en_vigueur', vers: 'levee', motif: s.levee.motif, fraude: true });
  }
  for (const p of personnes) {
    for (const d of p.demandes) {
      // Inactivity closures are the job's `inactivite_cloture` events (./inactivite).
      if (d.statut !== 'cloturee' || !d.clotureLe || !d.motifCloture || d.motifCloture === 'inactivite') continue;
      const parAgent = d.motifCloture === 'fraude' || d.motifCloture === 'incivilite' || d.motifCloture === 'agent';
      const agent = d.motifCloture === 'agent' ? agents.conseillersDe(p.departement)[0] : agents.fraude;
      const acteurType: ActeurType = parAgent ? 'agent' : d.motifCloture === 'fermeture_compte' ? 'demandeur' : 'systeme';
      ev({
        at: d.clotureLe, acteurType, acteurId: parAgent ? agent.id : acteurType === 'demandeur' ? p.id : null, action: 'cloturer', entite: 'demande', entiteId: d.id,
        de: 'complete', vers: 'cloturee', motif: d.motifCloture, details: { reference: d.reference, libelle: MOTIF_PRIORITE_CLOTURE[d.motifCloture] },
      });
    }
  }
  for (const x of propositions) {
    ev({ at: x.envoyeeLe, acteurType: 'agent', acteurId: x.agent.id, action: 'proposer', entite: 'proposition', entiteId: x.id, vers: 'envoyee', details: { offre: x.offre.reference } });
    if (x.reponduLe) ev({ at: x.reponduLe, acteurType: 'demandeur', acteurId: x.personne.id, action: x.statut === 'acceptee' ? 'accepter' : 'refuser', entite: 'proposition', entiteId: x.id, de: 'envoyee', vers: x.statut });
    if (x.statut === 'expiree') ev({ at: x.expireLe, acteurType: 'systeme', action: 'expirer', entite: 'proposition', entiteId: x.id, de: 'envoyee', vers: 'expiree' });
  }
  rows.sort((a, b) => a.at.getTime() - b.at.getTime() || a.entite.localeCompare(b.entite) || a.entiteId - b.entiteId);
  await inserer<IAuditEvent>(ctx.em, AuditEvent, rows);
  return rows.length;
}
