/**
 * The history of one candidature, step by step along R-CAND-FSM, every instant after the
 * previous one and never after `borne` (now, or the closure that ended it).
 */
import type { CanalDemande, StatutCandidature } from '@shared/domain/enums';
import type { AgentSeed } from './agents';
import type { ActeurType, Etape } from './candidatures-types';
import type { Rng } from './prng';
import { JOUR, MINUTE, alaSeconde } from './util';
import {
  MOTIFS_ANNULATION_AGENT,
  MOTIFS_ANNULATION_DEMANDEUR,
  MOTIFS_NON_RETENUE,
  MOTIFS_NON_RETENUE_BAILLEUR,
  MOTIF_NON_RETENUE_INCOMPLET,
} from './textes';

export interface Cloture {
  at: Date;
  acteur: ActeurType;
  agent: AgentSeed | null;
  motif: string;
}

export interface EntreeEtapes {
  rng: Rng;
  statut: StatutCandidature;
  dateCandidature: Date;
  /** No step after this instant. */
  borne: Date;
  /** The agent who instructs (a conseiller of the offer's territory). */
  instructeur: AgentSeed;
  /** For `cloturee`: when and why the candidature was closed. */
  cloture: Cloture | null;
  /** For `attribuee`: the attribution instant. */
  attribueLe: Date | null;
  /** non_retenue after designation (the bailleur's commission said no). */
  parBailleur: boolean;
  /** annulee by an agent from en_instruction (else by the demandeur while deposee). */
  annuleeParAgent: boolean;
  /** The demande's pieces are incomplete: the agent's non-retention says so. */
  dossierIncomplet: boolean;
}

/** An instant in (t, min(borne, t + maxJours)], at least a minute after t. */
function apres(rng: Rng, t: Date, borne: Date, maxJours: number): Date {
  const lo = t.getTime() + MINUTE;
  const hi = Math.min(borne.getTime(), t.getTime() + maxJours * JOUR);
  if (hi <= lo) return alaSeconde(new Date(lo));
  return alaSeconde(new Date(lo + rng.float() * (hi - lo)));
}

export function etapes(e: EntreeEtapes): Etape[] {
  const { rng, instructeur, borne } = e;
  const out: Etape[] = [
    { at: e.dateCandidature, action: 'candidater', de: null, vers: 'deposee', acteur: 'demandeur', agent: null, motif: null, canal: null },
  ];
  const last = () => out[out.length - 1];
  const pas = (action: string, vers: StatutCandidature, at: Date, acteur: ActeurType = 'agent', motif: string | null = null, canal: CanalDemande | null = null) => {
    out.push({ at, action, de: last().vers, vers, acteur, agent: acteur === 'agent' ? instructeur : null, motif, canal });
  };
  const instruire = (max = 12) => pas('instruire', 'en_instruction', apres(rng, last().at, borne, max));
  const designer = (max = 15) => pas('designer', 'transmise_bailleur', apres(rng, last().at, borne, max));
  switch (e.statut) {
    case 'deposee':
      break;
    case 'en_instruction':
      instruire();
      break;
    case 'transmise_bailleur':
      instruire();
      designer();
      break;
    case 'attribuee': {
      const at = e.attribueLe ?? borne;
      instruire(Math.max(1, (at.getTime() - e.dateCandidature.getTime()) / JOUR / 3));
      designer(Math.max(1, (at.getTime() - last().at.getTime()) / JOUR / 2));
      out.push({ ...last(), at, action: 'attribuer', de: 'transmise_bailleur', vers: 'attribuee', acteur: 'agent', motif: null });
      break;
    }
    case 'non_retenue':
      instruire();
      if (e.parBailleur) {
        designer();
        pas('ne_pas_retenir', 'non_retenue', apres(rng, last().at, borne, 20), 'agent', rng.pick(MOTIFS_NON_RETENUE_BAILLEUR));
      } else {
        const motif = rng.pick(MOTIFS_NON_RETENUE);
        pas('ne_pas_retenir', 'non_retenue', apres(rng, last().at, borne, 10), 'agent', e.dossierIncomplet ? MOTIF_NON_RETENUE_INCOMPLET : motif);
      }
      break;
    case 'annulee':
      if (e.annuleeParAgent) {
        instruire();
        const canal = rng.pick<CanalDemande>(['telephone', 'courriel', 'reclamation']);
        pas('annuler', 'annulee', apres(rng, last().at, borne, 10), 'agent', rng.pick(MOTIFS_ANNULATION_AGENT), canal);
      } else {
        pas('annuler', 'annulee', apres(rng, last().at, borne, 8), 'demandeur', rng.pick(MOTIFS_ANNULATION_DEMANDEUR));
      }
      break;
    case 'cloturee': {
      const c = e.cloture as Cloture;
      if (rng.chance(0.4) && c.at.getTime() - last().at.getTime() > 2 * JOUR) instruire(Math.min(10, (c.at.getTime() - last().at.getTime()) / JOUR - 1));
      out.push({ at: c.at, action: 'cloturer', de: last().vers, vers: 'cloturee', acteur: c.acteur, agent: c.agent, motif: c.motif, canal: null });
      break;
    }
  }
  return out;
}
