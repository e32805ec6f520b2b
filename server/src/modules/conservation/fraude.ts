import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignalementTable } from '@server/db/schema';

/**
 * DATA-RETENTION (signalement_infirme, constat_fraude, compte_ferme): what the fraud findings
 * keep of a person, and when it goes.
 *
 * A signal's `cle` is its dedupe key and holds what the accounts shared (a normalised telephone,
 * e-mail or identity key): when the evidence goes, the key is replaced by its SHA-256 (`type:e:…`),
 * and `enregistrerSignalements` does not raise again a signal whose key, hashed so, is already
 * there: a dismissed alert stays dismissed without keeping the telephone it was about.
 */

/** A signal's key as it is kept once its evidence goes: `type:e:` and the SHA-256 of the key. */
export const CLE_HACHEE_SQL = (alias = '') => {
  const a = alias ? `${alias}.` : '';
  return `${a}type || ':e:' || encode(sha256(convert_to(${a}cle, 'UTF8')), 'hex')`;
};

/** The same, leaving a key already hashed as it is. */
export const CLE_EFFACEE_SQL = (alias = '') => {
  const a = alias ? `${alias}.` : '';
  return `case when ${a}cle ~ '^[a-z_]+:e:[0-9a-f]{64}$' then ${a}cle else ${CLE_HACHEE_SQL(alias)} end`;
};

const IDENTITE = ['civilite', 'nom', 'prenom', 'dateNaissance', 'email', 'telephone'] as const;
/** Top-level evidence that is the shared identity itself (the group's key). */
const CLES_IDENTITE = ['cleIdentite', 'telephone', 'emailCanonique'] as const;
/** Evidence about one person's own piece (its file name, its PDF author…) or an agent's words about them. */
const CLES_PIECE = ['nomOriginal', 'metadonnees', 'motif'] as const;

type Objet = Record<string, unknown>;
const estObjet = (v: unknown): v is Objet => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The evidence of a signal without the identity of the anonymised accounts `ids`: their entries in
 * `comptes` keep only their id (and account status), the names of their files go, and the group's
 * shared key (telephone, e-mail, identity key) goes; evidence about a piece or an agent's motive goes
 * when the signal is about anonymised accounts only. Pure: returns a new object.
 */
export function preuvesSansIdentite(preuves: Objet, ids: ReadonlySet<number>, demandeurIds: readonly number[], efface: string): Objet {
  const out: Objet = { ...preuves };
  if (Array.isArray(out.comptes)) {
    out.comptes = out.comptes.map((c) => {
      if (!estObjet(c) || !ids.has(Number(c.id))) return c;
      const x: Objet = { ...c };
      for (const k of IDENTITE) if (k in x) x[k] = k === 'nom' || k === 'prenom' ? 'Anonyme' : null;
      return x;
    });
  }
  if (Array.isArray(out.fichiers)) {
    out.fichiers = out.fichiers.map((f) => (estObjet(f) && ids.has(Number(f.demandeurId)) ? { ...f, nomOriginal: 'supprime' } : f));
  }
  for (const k of CLES_IDENTITE) if (k in out) out[k] = efface;
  if (demandeurIds.every((id) => ids.has(id))) for (const k of CLES_PIECE) if (k in out) out[k] = efface;
  return out;
}

/**
 * Inside the anonymisation's transaction (the demandeurs are locked): the signals naming these
 * accounts lose their copy of the identity, and their key its readable form. Locks the signals
 * (demandeur → signalement, the order every writer uses).
 */
export async function effacerIdentiteDesSignalements(tx: EntityManager, ids: number[], efface: string): Promise<number> {
  if (!ids.length) return 0;
  const lus = await tx.execute<Pick<SignalementTable, 'id' | 'preuves' | 'demandeur_ids'>[]>(
    `select id, preuves, demandeur_ids from signalement where demandeur_ids && ?::int[] order by id for update`,
    [`{${ids.join(',')}}`],
  );
  if (!lus.length) return 0;
  const set = new Set(ids);
  // One statement for the locked signals, each with its evidence rewritten in JS.
  await tx.execute(
    `update signalement s set preuves = v.preuves, cle = ${CLE_EFFACEE_SQL('s')}
       from jsonb_to_recordset(?::jsonb) v(id int, preuves jsonb) where s.id = v.id`,
    [JSON.stringify(lus.map((s) => ({ id: s.id, preuves: preuvesSansIdentite(s.preuves, set, s.demandeur_ids, efface) })))],
  );
  return lus.length;
}
