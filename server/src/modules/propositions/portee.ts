import type { Request } from 'express';
import { abilityToSql } from '@server/http/abilitySql';
import { demandeurs } from '@server/modules/demandeurs/demandeurs.resource';

/**
 * The demandeurs an agent may push an offer to or see as matches (§11.17, issue #13), as one SQL
 * condition on `dr` (the demandeur table): those the agent may read (its CASL scope: every one for
 * contrôle fraude and managers; for a conseiller, those with a candidature in its territories),
 * and, for an agent with territories, those whose complete demande searches a commune of them —
 * the people a conseiller of the territory is there to reach. Anyone else is unknown to the
 * caller: not listed, not proposed to, no reason given.
 */
export function porteeDemandeurs(req: Request): { sql: string; params: unknown[] } {
  const lecture = abilityToSql(req.ability!, 'read', demandeurs) ?? { sql: 'false', params: [] };
  const territoires = req.agent?.territoires ?? [];
  if (territoires.length === 0) return lecture;
  return {
    sql: `(${lecture.sql} or exists (
      select 1 from demande dp cross join lateral jsonb_array_elements(dp.secteurs_recherche) se
        join commune cp on cp.code_insee = se->>'codeInsee'
       where dp.demandeur_id = dr.id and dp.statut = 'complete' and cp.departement in (${territoires.map(() => '?').join(', ')})))`,
    params: [...lecture.params, ...territoires],
  };
}
