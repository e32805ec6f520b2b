import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatutCandidature } from '@shared/domain/enums';
import type { Instant } from '@shared/domain/types';
import type { EnvoiInactivite } from '@shared/rules/inactivite';
import type { DemandeTable, DemandeurTable } from '@server/db/schema';

/** An open demande with what the R-INACT calendar needs, read in one query per batch. */
export type CandidatInactivite = Pick<DemandeTable, 'id' | 'reference' | 'statut' | 'demandeur_id'> &
  Pick<DemandeurTable, 'email' | 'civilite' | 'nom' | 'prenom'> & {
    /** Latest of: demande update, demandeur login, candidature, piece deposit. */
    derniereActivite: Instant;
    statuts: StatutCandidature[];
    envois: EnvoiInactivite[];
    candidatures: string[];
  };

/**
 * Last activity = greatest(demande.derniere_mise_ajour, demandeur.derniere_connexion, latest
 * candidature, latest piece deposit): `shared/rules/inactivite.ts` `derniereActivite` over the
 * same four instants, computed in SQL so the pre-filter (`< seuil`) runs in the database.
 */
const SELECT = `
select d.id, d.reference, d.statut, d.demandeur_id, dr.email, dr.civilite, dr.nom, dr.prenom,
       greatest(d.derniere_mise_ajour, dr.derniere_connexion, c.derniere, j.derniere) as "derniereActivite",
       coalesce(c.statuts, '{}') as statuts, coalesce(c.ouvertes, '{}') as candidatures,
       coalesce(e.envois, '[]') as envois
  from demande d
  join demandeur dr on dr.id = d.demandeur_id
  left join lateral (
    select max(x.date_candidature) as derniere, array_agg(x.statut::text) as statuts,
           array_agg(x.reference order by x.id) filter (where x.statut in ('deposee', 'en_instruction', 'transmise_bailleur')) as ouvertes
      from candidature x where x.demande_id = d.id) c on true
  left join lateral (select max(p.depose_le) as derniere from justificatif p where p.demande_id = d.id) j on true
  left join lateral (
    select json_agg(json_build_object('cycle', s.cycle, 'etape', s.etape, 'envoyeLe', s.fait_le)) as envois
      from inactivite_etape s where s.demande_id = d.id) e on true`;

/**
 * One batch of open demandes whose last activity is before `seuil` (keyset on id). The index
 * demande(statut, derniere_mise_ajour) narrows the scan: an inactive demande has an old update.
 */
export async function lireCandidats(em: EntityManager, seuil: Date, apresId: number, lot: number): Promise<CandidatInactivite[]> {
  return em.execute<CandidatInactivite[]>(
    `${SELECT}
      where d.statut in ('brouillon', 'complete') and d.derniere_mise_ajour < ? and d.id > ?
        and greatest(d.derniere_mise_ajour, dr.derniere_connexion, c.derniere, j.derniere) < ?
      order by d.id limit ?`,
    [seuil, apresId, seuil, lot],
  );
}

/**
 * Locks these demandes (in id order: no deadlock between replicas) and reads them again: the
 * fresh state after any concurrent run or activity committed meanwhile.
 */
export async function verrouillerEtRelire(tx: EntityManager, ids: number[]): Promise<CandidatInactivite[]> {
  if (ids.length === 0) return [];
  await tx.execute(`select id from demande where id in (?) order by id for update`, [ids]);
  return tx.execute<CandidatInactivite[]>(`${SELECT} where d.id in (?) and d.statut in ('brouillon', 'complete') order by d.id`, [ids]);
}
