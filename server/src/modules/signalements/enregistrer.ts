import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TypeSignalement } from '@shared/domain/enums';
import { CLE_HACHEE_SQL } from '@server/modules/conservation/fraude';

export interface NouveauSignalement {
  type: TypeSignalement;
  cle: string;
  score: number;
  preuves: Record<string, unknown>;
  demandeurIds: number[];
}

/**
 * The dedupe key of a signal: its type, what was shared (a key, a file) and the accounts involved,
 * so the same evidence raises one signal however often it is computed, and a new account joining
 * the group raises a new one. Hashed when too long for the column.
 */
export function cleSignalement(type: TypeSignalement, discriminant: string, demandeurIds: number[]): string {
  const ids = [...new Set(demandeurIds)].sort((a, b) => a - b).join(',');
  const lisible = `${type}:${discriminant}:${ids}`;
  if (lisible.length <= 200) return lisible;
  return `${type}:h:${createHash('sha256').update(`${discriminant}|${ids}`).digest('hex')}`;
}

const PAR_LOT = 500;

/**
 * Inserts the new signals in bulk (`on conflict (cle) do nothing`); returns the ids actually created.
 * A signal whose evidence was erased (DATA-RETENTION: its key is then `type:e:<sha256 of the key>`,
 * conservation/fraude.ts) is not raised again either.
 */
export async function enregistrerSignalements(em: EntityManager, signaux: NouveauSignalement[], now: Date): Promise<number[]> {
  const crees: number[] = [];
  for (let i = 0; i < signaux.length; i += PAR_LOT) {
    const lot = signaux.slice(i, i + PAR_LOT);
    const rows = await em.execute<{ id: number }[]>(
      `insert into signalement (type, cle, score, preuves, demandeur_ids, statut, created_at, updated_at)
       select v.type, v.cle, v.score, v.preuves, v.ids, 'nouveau', v.cree, v.maj
         from (values ${lot.map(() => `(?::text, ?::text, ?::int, ?::jsonb, ?::int[], ?::timestamptz, ?::timestamptz)`).join(', ')}) v(type, cle, score, preuves, ids, cree, maj)
        where not exists (select 1 from signalement e where e.cle = ${CLE_HACHEE_SQL('v')})
       on conflict (cle) do nothing returning id`,
      lot.flatMap((s) => [s.type, s.cle, s.score, JSON.stringify(s.preuves), `{${[...new Set(s.demandeurIds)].sort((a, b) => a - b).join(',')}}`, now, now]),
    );
    crees.push(...rows.map((r) => r.id));
  }
  return crees;
}

/** The JSON of an account as evidence (a snapshot: the accounts may change afterwards). */
export const COMPTE_JSON = (a: string) => `json_build_object(
  'id', ${a}.id, 'civilite', ${a}.civilite, 'nom', ${a}.nom, 'prenom', ${a}.prenom,
  'dateNaissance', to_char(${a}.date_naissance, 'YYYY-MM-DD'), 'email', ${a}.email, 'telephone', ${a}.telephone,
  'statutCompte', ${a}.statut_compte, 'createdAt', ${a}.created_at, 'desactiveLe', ${a}.desactive_le)`;

/** Accounts of a group of ids, as evidence, in one subquery. */
export const COMPTES_DE = (ids: string) => `(select json_agg(${COMPTE_JSON('dx')} order by dx.id) from demandeur dx where dx.id = any(${ids}))`;
