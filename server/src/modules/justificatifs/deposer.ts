import type { EntityManager } from '@mikro-orm/postgresql';
import type { Titulaire, TypeJustificatif } from '@shared/domain/enums';
import { estSuspendu } from '@shared/rules/suspension';
import { conflict } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';
import { satisfaireDemandes } from '@server/modules/candidatures/piecesDemandees';
import { demandeOuverte, recalculerStatutDemande, suspensionsDe } from '@server/modules/demandes/donneesDemandeur';
import { signalerApresDepot } from '@server/modules/signalements/detection';
import type { MetadonneesPdf, MimeAccepte } from './typeFichier';

export interface PieceDeposee {
  type: TypeJustificatif;
  titulaire: Titulaire;
  sha256: string;
  taille: number;
  mime: MimeAccepte;
  nomOriginal: string;
  metadonneesPdf: MetadonneesPdf | null;
}

/**
 * Records an uploaded piece on the demandeur's open demande (§11.7–11.9), in the caller's
 * transaction: the active piece of the same type and titulaire (if any) is kept as history
 * (actif = false) and the new row points to it (`remplace`); then the fraud signals of the upload
 * (signalerApresDepot), the demande's statut and activity (R-INACT) and the paliers of its open
 * candidatures. The file itself is placed by the caller before commit.
 */
export async function deposerJustificatif(tx: EntityManager, demandeurId: number, p: PieceDeposee, now: Date, ip?: string) {
  const demande = await demandeOuverte(tx, demandeurId, true);
  if (!demande) throw conflict('DEMANDE_ABSENTE', 'Créez d’abord votre demande de logement : les pièces s’y rattachent.');
  if (estSuspendu(await suspensionsDe(tx, demandeurId), now)) throw conflict('SUSPENDU', 'Votre accès au service est suspendu : aucun dépôt n’est possible.');
  if (p.titulaire === 'codemandeur' && !demande.codemandeur) {
    throw conflict('SANS_CODEMANDEUR', 'Votre demande ne déclare pas de codemandeur : déposez la pièce au nom du demandeur.');
  }
  const anciens = await tx.execute<{ id: number }[]>(
    `update justificatif set actif = false where demande_id = ? and type = ? and titulaire = ? and actif returning id`,
    [demande.id, p.type, p.titulaire],
  );
  const remplace = anciens.length ? Math.max(...anciens.map((a) => a.id)) : null;
  const rows = await tx.execute<{ id: number }[]>(
    `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, metadonnees_pdf, remplace, actif, depose_le)
     values (?, ?, ?, 'depose', ?, ?, ?, ?, ?::jsonb, ?, true, ?) returning id`,
    [demande.id, p.titulaire, p.type, p.sha256, p.taille, p.mime, p.nomOriginal, p.metadonneesPdf ? JSON.stringify(p.metadonneesPdf) : null, remplace, now],
  );
  const id = rows[0].id;
  await tx.execute(`update demande set derniere_mise_ajour = ? where id = ?`, [now, demande.id]);
  audit(tx, {
    at: now,
    acteur: { type: 'demandeur', id: demandeurId },
    action: remplace ? 'remplacement' : 'depot',
    entite: 'justificatif',
    entiteId: id,
    vers: 'depose',
    details: { type: p.type, titulaire: p.titulaire, demandeId: demande.id, remplace, taille: p.taille, mime: p.mime },
    ip,
  });
  // « Demander la pièce » (issue #15): the piece asked for is here, the request is satisfied with the deposit.
  await satisfaireDemandes(tx, demande.id, p.type, p.titulaire, id, demandeurId, now, ip);
  await signalerApresDepot(tx, id, now);
  const statut = await recalculerStatutDemande(tx, demande, now);
  await rafraichirPaliers(tx, [demande.id], now);
  return { id, demandeId: demande.id, remplace, statutDemande: statut };
}
