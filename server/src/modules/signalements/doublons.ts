import type { EntityManager } from '@mikro-orm/postgresql';
import type { TypeSignalement } from '@shared/domain/enums';
import { scoreDoublon } from '@shared/rules/identite';
import { COMPTE_JSON, cleSignalement, enregistrerSignalements, type NouveauSignalement } from './enregistrer';
import { signauxFichiers, signauxMetadonnees } from './detection';

interface Groupe {
  cle: string;
  ids: number[];
  comptes: unknown[];
}

/**
 * The keys of shared/rules/identite.ts, computed by the SQL functions of the same meaning
 * (expression indexes on demandeur): each group of 2+ accounts with the same key is one signal.
 * Grouped by the database: no pairwise comparison in memory.
 */
const GROUPES: Record<'identite_multiple' | 'telephone_partage' | 'email_variante', { expr: string; preuve: string }> = {
  identite_multiple: { expr: 'als_cle_identite(d.nom, d.prenom, d.date_naissance)', preuve: 'cleIdentite' },
  telephone_partage: { expr: 'als_telephone_norm(d.telephone)', preuve: 'telephone' },
  email_variante: { expr: 'als_email_canon(d.email)', preuve: 'emailCanonique' },
};

async function groupes(em: EntityManager, expr: string): Promise<Groupe[]> {
  return em.execute<Groupe[]>(
    `select k as cle, array_agg(id order by id) as ids, json_agg(compte order by id) as comptes
       from (select d.id, ${expr} as k, ${COMPTE_JSON('d')} as compte from demandeur d) x
      where k is not null
      group by k having count(*) > 1`,
  );
}

export type BilanDetection = Record<Exclude<TypeSignalement, 'contenu_actif' | 'signalement_agent'>, number>; // raised at upload, or by an agent

/**
 * The periodic fraud job (R-ONE-ACCOUNT, §9.13, §10.9): same identity under several accounts,
 * same telephone, e-mail variants, same file under different demandeurs, suspicious PDF metadata.
 * Idempotent: a signal already raised (same `cle`) is not raised again. Returns how many new
 * signals of each type were created. Schedule it with pg-boss; `POST /api/signalements/analyser`
 * runs it on demand.
 */
export async function detecterDoublons(em: EntityManager, now: Date): Promise<BilanDetection> {
  const signaux: NouveauSignalement[] = [];
  for (const [type, g] of Object.entries(GROUPES) as [keyof typeof GROUPES, (typeof GROUPES)[keyof typeof GROUPES]][]) {
    for (const x of await groupes(em, g.expr)) {
      signaux.push({
        type,
        cle: cleSignalement(type, x.cle, x.ids),
        score: scoreDoublon(type, x.ids.length),
        preuves: { [g.preuve]: x.cle, comptes: x.comptes },
        demandeurIds: x.ids,
      });
    }
  }
  signaux.push(...(await signauxFichiers(em, null)));
  signaux.push(...(await signauxMetadonnees(em, null)));
  const crees = await enregistrerSignalements(em, signaux, now);
  const bilan: BilanDetection = { identite_multiple: 0, telephone_partage: 0, email_variante: 0, fichier_partage: 0, metadonnees_pdf: 0 };
  if (crees.length) {
    const rows = await em.execute<{ type: TypeSignalement; n: number }[]>(
      `select type, count(*)::int as n from signalement where id = any(?::int[]) group by type`,
      [`{${crees.join(',')}}`],
    );
    for (const r of rows) if (r.type !== 'contenu_actif' && r.type !== 'signalement_agent') bilan[r.type] = r.n;
  }
  return bilan;
}
