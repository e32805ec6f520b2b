import type { EntityManager } from '@mikro-orm/postgresql';
import type { CandidatureDecidee, CandidatureEnAttente, ListeBailleur } from '@shared/api/bailleurs';
import type { JustificatifRules } from '@shared/domain/types';
import { piecesTransmissiblesBailleur } from '@shared/rules/donnees';
import type { CandidatureTable, DemandeTable, DemandeurTable, JustificatifTable, OffreTable } from '@server/db/schema';
import { PIECES } from '@server/modules/exports/libelles';
import type { BailleurPrincipal } from './auth';
import { PORTEE_SQL, porteeParams } from './portee';

type Ligne = Pick<CandidatureTable, 'id' | 'reference' | 'designee_le'> &
  Pick<OffreTable, 'titre' | 'typologie' | 'commune' | 'code_postal' | 'reglementation'> &
  Pick<DemandeurTable, 'civilite' | 'prenom' | 'nom'> &
  Pick<DemandeTable, 'nombre_personnes' | 'codemandeur' | 'situations_prioritaires' | 'public_cible'> &
  { envoyee_le: Date; offre_reference: string; demande_id: number; telecharge_le: Date | null };

type Piece = JustificatifRules & Pick<JustificatifTable, 'demande_id' | 'type' | 'titulaire'>;

/**
 * R-BAIL-MIN: the pieces listed are those the dossier PDF carries (piecesTransmissiblesBailleur).
 * The page's two lists in three queries (whatever their length): the link's candidatures still
 * transmise_bailleur, with the pieces their dossier carries, and those no longer awaiting it.
 */
export async function candidaturesDuLien(em: EntityManager, b: BailleurPrincipal, now: Date): Promise<ListeBailleur> {
  const rows = await em.execute<Ligne[]>(
    `select c.id, c.reference, c.designee_le, ec.envoye_le as envoyee_le, o.reference as offre_reference, o.titre, o.typologie, o.commune,
            o.code_postal, o.reglementation, dr.civilite, dr.prenom, dr.nom, d.nombre_personnes, d.id as demande_id, d.codemandeur,
            d.situations_prioritaires, d.public_cible,
            (select min(x.at) from bailleur_acces x where x.lien_id = ? and x.candidature_id = c.id
                and x.type in ('telechargement_dossier', 'telechargement_tableau')) as telecharge_le
       from candidature c join offre o on o.id = c.offre_id join demande d on d.id = c.demande_id join demandeur dr on dr.id = c.demandeur_id
       join bailleur_envoi_candidature ec on ec.candidature_id = c.id and ec.envoi_id = ?
      where ${PORTEE_SQL} and c.statut = 'transmise_bailleur' order by c.designee_le, c.id`,
    [b.lienId, b.envoiId, ...porteeParams(b)],
  );
  const pieces = rows.length === 0 ? [] : await em.execute<Piece[]>(
    `select id, demande_id, titulaire, type, statut, date_validite_fin as "dateValiditeFin" from justificatif where demande_id = any(?::int[]) and actif order by id`,
    [`{${rows.map((r) => r.demande_id).join(',')}}`],
  );
  const enAttente: CandidatureEnAttente[] = rows.map((r) => ({
    id: r.id, reference: r.reference, designeeLe: r.designee_le!, envoyeeLe: r.envoyee_le,
    offre: { reference: r.offre_reference, titre: r.titre, typologie: r.typologie, commune: r.commune, codePostal: r.code_postal },
    demandeur: { civilite: r.civilite, prenom: r.prenom, nom: r.nom },
    nombrePersonnes: r.nombre_personnes,
    pieces: piecesTransmissiblesBailleur(
      { reglementation: r.reglementation },
      { codemandeur: r.codemandeur !== null, situationsPrioritaires: r.situations_prioritaires ?? [], publicCible: r.public_cible },
      pieces.filter((p) => p.demande_id === r.demande_id),
      now,
    ).map((p) => `${PIECES[p.type]}${p.titulaire === 'codemandeur' ? ' (codemandeur)' : ''}`),
    telechargeLe: r.telecharge_le,
  }));
  const decidees = await em.execute<CandidatureDecidee[]>(
    `select c.id, c.reference, o.reference || ' — ' || o.titre as offre, c.statut, d.decision, d.date_caleol as "dateCaleol", d.decide_le as "decideLe"
       from candidature c join offre o on o.id = c.offre_id left join bailleur_decision d on d.candidature_id = c.id
      where ${PORTEE_SQL} and c.statut <> 'transmise_bailleur' order by d.decide_le desc nulls last, c.id`,
    porteeParams(b),
  );
  return { enAttente, decidees };
}

/**
 * The dossier a bailleur may download: in its link's scope and transmise_bailleur, or attribuee
 * (it prepares the lease). Not once refused, cancelled or closed: it no longer needs the data.
 */
export async function dossierAccessible(em: EntityManager, b: BailleurPrincipal, id: number) {
  const [c] = await em.execute<Pick<CandidatureTable, 'id' | 'statut'>[]>(
    `select c.id, c.statut from candidature c join offre o on o.id = c.offre_id where c.id = ? and ${PORTEE_SQL}`,
    [id, ...porteeParams(b)],
  );
  return c ?? null;
}

/** Records accesses (opening, downloads) with IP and time: one row per candidature concerned. */
export async function tracer(em: EntityManager, b: BailleurPrincipal, type: string, candidatureIds: (number | null)[], now: Date, ip?: string, details?: object) {
  if (candidatureIds.length === 0) return;
  await em.execute(
    `insert into bailleur_acces (lien_id, bailleur_id, type, candidature_id, at, ip, details)
     select ?, ?, ?, unnest(?::int[]), ?, ?, ?::jsonb`,
    [b.lienId, b.bailleurId, type, `{${candidatureIds.map((i) => (i === null ? 'NULL' : i)).join(',')}}`, now, ip?.slice(0, 64) ?? null, details ? JSON.stringify(details) : null],
  );
}
