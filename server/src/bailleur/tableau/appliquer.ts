import type { MikroORM } from '@mikro-orm/postgresql';
import type { LigneRapport, RapportTableau } from '@shared/api/bailleurs';
import { HttpProblem } from '@server/http/problem';
import type { BailleurPrincipal } from '@server/bailleur/auth';
import { deciderSeul } from '@server/bailleur/decider';
import { PORTEE_SQL, porteeParams } from '@server/bailleur/portee';
import type { LigneLue } from './colonnes';

/**
 * R-BAIL-DECISION by spreadsheet. Applies the rows of an uploaded decisions spreadsheet, each in its own transaction through the
 * same `decider` as the page (scope, lifecycle, shared rule): a refused row changes nothing and
 * does not stop the others. A row without a decision is ignored; a reference met twice in the file
 * is refused the second time; a candidature already decided is refused with its reason, so sending
 * the same file again applies nothing twice.
 */
export async function appliquerTableau(orm: MikroORM, b: BailleurPrincipal, lignes: LigneLue[], ip: string | undefined, now: () => Date): Promise<RapportTableau> {
  const refs = [...new Set(lignes.map((l) => l.reference).filter((r): r is string => !!r))];
  const ids = new Map(
    (refs.length === 0 ? [] : await orm.em.fork().execute<{ id: number; reference: string }[]>(
      `select c.id, c.reference from candidature c join offre o on o.id = c.offre_id where c.reference = any(?::text[]) and ${PORTEE_SQL}`,
      [`{${refs.map((r) => `"${r.replace(/["\\]/g, '\\$&')}"`).join(',')}}`, ...porteeParams(b)],
    )).map((r) => [r.reference, r.id]),
  );
  const vues = new Set<string>();
  const rapport: LigneRapport[] = [];
  for (const l of lignes) {
    const base = { ligne: l.ligne, reference: l.reference };
    if (!l.decision && !l.motif && !l.dateCaleol && !l.commentaire) {
      rapport.push({ ...base, resultat: 'ignoree', raison: 'Aucune décision indiquée.' });
      continue;
    }
    const id = l.reference ? ids.get(l.reference) : undefined;
    if (!l.reference || id === undefined) {
      rapport.push({ ...base, resultat: 'refusee', code: 'HORS_ENVOI', raison: l.reference ? `La candidature ${l.reference} ne fait pas partie de cet envoi.` : 'Référence de candidature manquante.' });
      continue;
    }
    if (vues.has(l.reference)) {
      rapport.push({ ...base, resultat: 'refusee', code: 'LIGNE_EN_DOUBLE', raison: `La candidature ${l.reference} figure déjà plus haut dans le tableau.` });
      continue;
    }
    vues.add(l.reference);
    try {
      const saisie = { decision: l.decision, motif: l.motif, commentaire: l.commentaire, dateCaleol: l.dateCaleol };
      const r = await deciderSeul(orm.em, b, { candidatureId: id, source: 'tableau', ligne: l.ligne, saisie }, ip, now());
      rapport.push({ ...base, resultat: 'appliquee', decision: r.decision });
    } catch (e) {
      if (!(e instanceof HttpProblem)) throw e;
      rapport.push({ ...base, resultat: 'refusee', code: e.code, raison: e.detail });
    }
  }
  const n = (r: LigneRapport['resultat']) => rapport.filter((x) => x.resultat === r).length;
  return { lignes: rapport, appliquees: n('appliquee'), refusees: n('refusee'), ignorees: n('ignoree') };
}
