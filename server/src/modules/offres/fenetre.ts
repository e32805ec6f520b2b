/**
 * Publication window actions (R-PUB, §11.18, §11.19): prolonger, raccourcir, renouveler, publier,
 * dépublier. The offer row is locked, the shared rule (shared/rules/fenetrePublication) decides,
 * the change and its audit event are written in the caller's transaction. Dépublier hides the
 * offer and leaves its candidatures as they are (they go on being instructed).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  depublier, estEntreeInvalide, prolonger, publier, raccourcir, renouveler,
  type ChangementsFenetre, type EtatFenetre, type ResultatFenetre,
} from '@shared/rules/fenetrePublication';
import { HttpProblem, conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';

export const ACTIONS_FENETRE = ['prolonger', 'raccourcir', 'renouveler', 'publier', 'depublier'] as const;
export type ActionFenetre = (typeof ACTIONS_FENETRE)[number];

export interface CorpsFenetre {
  debutPublication?: string;
  finPublication?: string;
  motif?: string;
}

export interface EtatOffreVerrouillee extends EtatFenetre {
  id: number;
  reference: string;
  titre: string;
}

export interface Acteur {
  id: number;
  ip?: string;
}

/** The offer's publication state, locked FOR UPDATE in the caller's transaction. */
export async function verrouillerOffre(tx: EntityManager, id: number): Promise<EtatOffreVerrouillee> {
  const rows = await tx.execute<EtatOffreVerrouillee[]>(
    `select id, reference, titre, publiee, debut_publication as "debutPublication", fin_publication as "finPublication",
            depubliee_le is not null as depubliee, (reprise_le is not null or attribution_directe_le is not null) as retiree
       from offre where id = ? for update`,
    [id],
  );
  if (!rows[0]) throw notFound();
  return rows[0];
}

/** A refusal of the rule as an HTTP problem: bad input 400 (with the field), rules 409. */
export function refusFenetre(r: Extract<ResultatFenetre, { ok: false }>, champ: string): HttpProblem {
  return estEntreeInvalide(r.code) ? new HttpProblem(400, r.code, r.raison, [{ field: champ, message: r.raison }]) : conflict(r.code, r.raison);
}

const COLONNES: Record<keyof ChangementsFenetre, string> = {
  publiee: 'publiee',
  debutPublication: 'debut_publication',
  finPublication: 'fin_publication',
  depublieeLe: 'depubliee_le',
  motifDepublication: 'motif_depublication',
};

/**
 * UPDATE offre with the rule's changes (plus extra columns), one statement, conditional on the
 * state the rule decided on (`lu`, read under the lock): if anything changed in between, nothing is
 * written and the answer is 409 OFFRE_MODIFIEE.
 */
export async function ecrireChangements(
  tx: EntityManager, id: number, lu: EtatOffreVerrouillee, changements: ChangementsFenetre, now: Date, extra: Record<string, unknown> = {},
) {
  const cols = [...Object.entries(changements).map(([k, v]) => [COLONNES[k as keyof ChangementsFenetre], v] as const), ...Object.entries(extra)];
  const ecrits = await tx.execute<{ id: number }[]>(
    `update offre set ${cols.map(([c]) => `${c} = ?`).join(', ')}, updated_at = ?
      where id = ? and publiee = ? and date_trunc('milliseconds', debut_publication) is not distinct from ?::timestamptz
        and date_trunc('milliseconds', fin_publication) is not distinct from ?::timestamptz
        and (depubliee_le is not null) = ? and reprise_le is null and attribution_directe_le is null
      returning id`,
    [...cols.map(([, v]) => v), now, id, lu.publiee, lu.debutPublication, lu.finPublication, lu.depubliee],
  );
  if (ecrits.length === 0) throw conflict('OFFRE_MODIFIEE', 'Cette offre vient d’être modifiée par quelqu’un d’autre : rechargez-la.');
}

const vue = (o: Pick<EtatFenetre, 'publiee' | 'debutPublication' | 'finPublication' | 'depubliee'>) => ({
  publiee: o.publiee, debutPublication: o.debutPublication, finPublication: o.finPublication, depubliee: o.depubliee,
});

export async function appliquerFenetre(tx: EntityManager, id: number, action: ActionFenetre, corps: CorpsFenetre, acteur: Acteur, now: Date) {
  const o = await verrouillerOffre(tx, id);
  const r = decider(o, action, corps, now);
  if (!r.ok) throw refusFenetre(r, r.code === 'MOTIF_REQUIS' ? 'motif' : 'finPublication');
  await ecrireChangements(tx, id, o, r.changements, now);
  const apres = { ...vue(o), ...r.changements, depubliee: r.changements.depublieeLe === undefined ? o.depubliee : r.changements.depublieeLe !== null };
  audit(tx, {
    at: now, acteur: { type: 'agent', id: acteur.id }, action: `${action}_publication`, entite: 'offre', entiteId: id,
    de: etiquette(o), vers: etiquette(apres), motif: corps.motif?.trim() || null,
    details: { reference: o.reference, avant: vue(o), apres: vue(apres) }, ip: acteur.ip,
  });
  await tx.flush();
}

function decider(o: EtatFenetre, action: ActionFenetre, corps: CorpsFenetre, now: Date): ResultatFenetre {
  switch (action) {
    case 'prolonger':
      return prolonger(o, corps.finPublication!, now);
    case 'raccourcir':
      return raccourcir(o, corps.finPublication!, now);
    case 'renouveler':
      return renouveler(o, corps.debutPublication!, corps.finPublication!, now);
    case 'publier':
      return publier(o, now);
    case 'depublier':
      return depublier(o, corps.motif, now);
  }
}

/** A short state for the audit trail's from/to columns. */
function etiquette(o: Pick<EtatFenetre, 'publiee' | 'depubliee'>): string {
  if (o.depubliee) return 'depubliee';
  return o.publiee ? 'publiee' : 'non_publiee';
}
