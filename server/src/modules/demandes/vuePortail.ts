import type { EntityManager } from '@mikro-orm/postgresql';
import { PIECES_SOCLES } from '@shared/domain/enums';
import { estDeposee } from '@shared/rules/completude';
import { demandesPortail } from '@server/modules/candidatures/piecesDemandees';
import { demandeOuverte, justificatifsActifs } from './donneesDemandeur';

/**
 * The open demande as its demandeur sees it: the form fields, the active pieces and the socle
 * checklist. Internal flags (controleRenforce, signaleReattribution) and fraud data (sha256,
 * PDF metadata, falsification) are agents' business: a `falsifie` piece shows as `refuse`.
 */
export async function vueDemandePortail(em: EntityManager, demandeurId: number, now: Date) {
  const d = await demandeOuverte(em, demandeurId);
  if (!d) return null;
  const [entreprise] = d.entrepriseId
    ? await em.execute<{ siret: string; raisonSociale: string }[]>(`select siret, raison_sociale as "raisonSociale" from entreprise where id = ?`, [d.entrepriseId])
    : [];
  const pieces = await em.execute<Record<string, unknown>[]>(
    `select id, type, titulaire, case when statut = 'falsifie' then 'refuse' else statut end as statut,
            case when statut = 'falsifie' then null else motif_refus end as "motifRefus", date_validite_fin as "dateValiditeFin",
            nom_original as "nomOriginal", taille, mime, depose_le as "deposeLe", remplace
       from justificatif where demande_id = ? and actif order by type, titulaire, id`,
    [d.id],
  );
  const regles = await justificatifsActifs(em, d.id);
  const titulaires = d.codemandeur ? (['demandeur', 'codemandeur'] as const) : (['demandeur'] as const);
  const piecesSocles = titulaires.flatMap((titulaire) =>
    PIECES_SOCLES.map((type) => ({ type, titulaire, ok: regles.some((j) => j.type === type && j.titulaire === titulaire && estDeposee(j, now)) })),
  );
  return {
    id: d.id,
    reference: d.reference,
    statut: d.statut,
    nombrePersonnes: d.nombrePersonnes,
    codemandeur: d.codemandeur,
    revenuFiscalReference: d.revenuFiscalReference,
    publicCible: d.publicCible,
    entreprise: entreprise ?? null,
    lieuTravailCodePostal: d.lieuTravailCodePostal,
    lieuTravailCommune: d.lieuTravailCommune,
    communeLogementActuel: d.communeLogementActuel,
    secteursRecherche: d.secteursRecherche,
    situationsPrioritaires: d.situationsPrioritaires,
    accompagneServiceSalariesEnDifficulte: d.accompagneServiceSalariesEnDifficulte,
    derniereMiseAJour: d.derniereMiseAJour,
    createdAt: d.createdAt,
    piecesSocles,
    justificatifs: pieces,
    // Issue #15: the pieces a conseiller asked for and not yet deposited (« Pièce demandée le … : motif »).
    piecesDemandees: await demandesPortail(em, d.id),
  };
}
