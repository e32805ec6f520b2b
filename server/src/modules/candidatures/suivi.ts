import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterSpec } from '@server/http/resource';
import { badRequest } from '@server/http/problem';
import type { SuiviDossierTable } from '@server/db/schema';

/**
 * UI-SUIVI (issue #15): an agent follows a candidature and sees which of the dossiers he follows
 * changed since he last opened them. A change is, after `vu_le`, an event of the candidature's
 * audit log (not a read: ZIP of the pieces, list export), an event of its demande's (the demandeur
 * changing his answers on the portal, accompaniment, closure…), a note on it, or a piece deposited
 * on its demande — by anybody but himself (what he did, he knows).
 */

/** Audit actions on a candidature that only read it: not a change. */
const LECTURES = "('telechargement_pieces', 'export_liste')";

/** SQL: the candidature `c` changed after `vuLe`, for the agent `agentId` (two SQL expressions). */
export const changeeDepuis = (vuLe: string, agentId: string) => `(
  exists (select 1 from audit_event ae where ae.entite = 'candidature' and ae.entite_id = c.id and ae.at > ${vuLe}
            and ae.action not in ${LECTURES} and not (ae.acteur_type = 'agent' and ae.acteur_id is not distinct from ${agentId}))
  or exists (select 1 from audit_event ad where ad.entite = 'demande' and ad.entite_id = c.demande_id and ad.at > ${vuLe}
            and not (ad.acteur_type = 'agent' and ad.acteur_id is not distinct from ${agentId}))
  or exists (select 1 from note n where n.entite = 'candidature' and n.entite_id = c.id and n.created_at > ${vuLe} and n.agent_id <> ${agentId})
  or exists (select 1 from justificatif j where j.demande_id = c.demande_id and j.depose_le > ${vuLe}))`;

/** Fields of the candidatures resource (`{{agent}}`: the caller): followed, and changed since the last visit (null when not followed). */
export const CHAMPS_SUIVI = {
  suivi: 'exists (select 1 from suivi_dossier sv where sv.agent_id = {{agent}} and sv.candidature_id = c.id)',
  modifieDepuisVisite: `(select ${changeeDepuis('sv.vu_le', 'sv.agent_id')} from suivi_dossier sv where sv.agent_id = {{agent}} and sv.candidature_id = c.id)`,
};

/** Filter `suivies`: true → the dossiers the caller follows (primary key scan), false → the others. */
export const FILTRE_SUIVIES: FilterSpec = {
  expr: '',
  type: 'custom',
  build: (v, who) => {
    if (v !== true && v !== 'true' && v !== false && v !== 'false') throw badRequest('FILTRE_INVALIDE', 'Valeur invalide pour le filtre « suivies » : true ou false.');
    const non = v === false || v === 'false' ? 'not ' : '';
    return { sql: `${non}exists (select 1 from suivi_dossier sv where sv.agent_id = ? and sv.candidature_id = c.id)`, params: [who.agentId] };
  },
};

/** Follow (idempotent: following again keeps the date of the last visit). The caller has checked that the agent may read it. */
export async function suivre(tx: EntityManager, agentId: number, candidatureId: number, now: Date): Promise<void> {
  await tx.execute(
    `insert into suivi_dossier (agent_id, candidature_id, vu_le) values (?, ?, ?) on conflict (agent_id, candidature_id) do nothing`,
    [agentId, candidatureId, now],
  );
}

/** Stop following (idempotent). */
export async function nePlusSuivre(tx: EntityManager, agentId: number, candidatureId: number): Promise<void> {
  await tx.execute(`delete from suivi_dossier where agent_id = ? and candidature_id = ?`, [agentId, candidatureId]);
}

type Visite = { vuLe: SuiviDossierTable['vu_le']; modifieDepuisVisite: boolean };

/**
 * The follower opens the dossier: what changed since his previous visit (for the page he is about
 * to see), and `vu_le` moved to now — in one statement, the row locked by its CTE. Null when he
 * does not follow it.
 */
export async function marquerVu(tx: EntityManager, agentId: number, candidatureId: number, now: Date): Promise<Visite | null> {
  const [v] = await tx.execute<Visite[]>(
    `with avant as (select agent_id, candidature_id, vu_le from suivi_dossier where agent_id = ? and candidature_id = ? for update)
     update suivi_dossier s set vu_le = greatest(s.vu_le, ?::timestamptz)
       from avant a, candidature c
      where s.agent_id = a.agent_id and s.candidature_id = a.candidature_id and c.id = s.candidature_id
     returning a.vu_le as "vuLe", ${changeeDepuis('a.vu_le', 'a.agent_id')} as "modifieDepuisVisite"`,
    [agentId, candidatureId, now],
  );
  return v ?? null;
}
