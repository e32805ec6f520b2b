import type { EntityManager } from '@mikro-orm/postgresql';
import type { JustificatifRules } from '../../../../shared/domain/types';
import type { NatureOffre, PublicCible, Reglementation, SituationPrioritaire } from '../../../../shared/domain/enums';
import { palierCandidature } from '../../../../shared/rules/classement';

interface Row {
  id: number;
  palier: number;
  demande_id: number;
  date_candidature: Date;
  statut: 'deposee';
  nature: NatureOffre;
  reglementation: Reglementation;
  codemandeur: unknown;
  situations_prioritaires: SituationPrioritaire[];
  public_cible: PublicCible;
  accompagne: boolean;
}

/**
 * Recomputes, with the shared rule (palierCandidature), the stored palier of every open
 * candidature of these demandes, so the SQL ranking (palier, dateCandidature, id) stays equal to
 * the pure function. Call it in the same transaction as any change to a demande or its pieces.
 * Three queries whatever the number of demandes; only changed rows are written.
 */
export async function rafraichirPaliers(em: EntityManager, demandeIds: number[], now: Date): Promise<number> {
  if (demandeIds.length === 0) return 0;
  // em.execute runs in em's transaction (em.getConnection().execute would take another pooled
  // connection: it would not see the caller's uncommitted rows and could wait on its locks).
  const conn = { execute: em.execute.bind(em) };
  const ids = [...new Set(demandeIds)];
  const marks = ids.map(() => '?').join(', ');
  const rows = await conn.execute<Row[]>(
    `select c.id, c.palier, c.demande_id, c.date_candidature, c.statut, o.nature, o.reglementation,
            d.codemandeur, d.situations_prioritaires, d.public_cible, d.accompagne_service_salaries_en_difficulte as accompagne
       from candidature c join offre o on o.id = c.offre_id join demande d on d.id = c.demande_id
      where c.demande_id in (${marks}) and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur')`,
    ids,
  );
  if (rows.length === 0) return 0;
  const pieces = await conn.execute<(JustificatifRules & { demandeId: number })[]>(
    `select id, demande_id as "demandeId", titulaire, type, statut, date_validite_fin as "dateValiditeFin"
       from justificatif where actif and demande_id in (${marks})`,
    ids,
  );
  const byDemande = new Map<number, JustificatifRules[]>();
  for (const p of pieces) byDemande.set(p.demandeId, [...(byDemande.get(p.demandeId) ?? []), p]);
  const changed: Array<[number, number]> = [];
  for (const r of rows) {
    const palier = palierCandidature(
      { nature: r.nature, reglementation: r.reglementation },
      {
        candidature: { id: r.id, statut: r.statut, dateCandidature: r.date_candidature },
        demande: {
          codemandeur: r.codemandeur !== null,
          situationsPrioritaires: r.situations_prioritaires,
          publicCible: r.public_cible,
          accompagneServiceSalariesEnDifficulte: r.accompagne,
        },
        justificatifs: byDemande.get(r.demande_id) ?? [],
      },
      now,
    );
    if (palier !== r.palier) changed.push([r.id, palier]);
  }
  if (changed.length) {
    await conn.execute(
      `update candidature c set palier = v.palier from (values ${changed.map(() => '(?::int, ?::smallint)').join(', ')}) as v(id, palier) where c.id = v.id`,
      changed.flat(),
    );
  }
  return changed.length;
}
