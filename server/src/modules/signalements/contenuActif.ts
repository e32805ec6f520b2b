import type { EntityManager } from '@mikro-orm/postgresql';
import type { ContenuActif } from '@server/modules/justificatifs/inspection/inspection';
import { cleSignalement, enregistrerSignalements } from './enregistrer';

/** How strongly each finding suggests a hostile file (0–100); a signal takes its strongest. */
export const SCORES_CONTENU_ACTIF: Record<ContenuActif, number> = { JavaScript: 80, Launch: 80, HTML: 70, OpenAction: 50, AA: 50 };

const DETAILS: Record<ContenuActif, string> = {
  JavaScript: 'Le PDF contient du JavaScript.',
  Launch: 'Le PDF peut lancer un programme ou ouvrir un fichier (action Launch).',
  OpenAction: 'Le PDF déclenche une action à l’ouverture.',
  AA: 'Le PDF déclenche des actions sur des événements (AA).',
  HTML: 'Le fichier contient du HTML qu’un navigateur pourrait afficher comme une page (fichier polyglotte).',
};

/**
 * A `contenu_actif` signal for a piece whose inspection found active content (issue #13), in the
 * upload's transaction: a signal for fraud control, never a refusal (the piece is kept; it is served
 * sandboxed, `Content-Security-Policy: sandbox`, as an attachment-safe type).
 */
export async function signalerContenuActif(
  em: EntityManager,
  piece: { justificatifId: number; demandeurId: number; type: string; nomOriginal: string; mime: string },
  contenus: ContenuActif[],
  now: Date,
) {
  if (contenus.length === 0) return;
  const [compte] = await em.execute<{ nom: string; prenom: string }[]>(`select nom, prenom from demandeur where id = ?`, [piece.demandeurId]);
  await enregistrerSignalements(em, [{
    type: 'contenu_actif',
    cle: cleSignalement('contenu_actif', `j${piece.justificatifId}`, [piece.demandeurId]),
    score: Math.max(...contenus.map((c) => SCORES_CONTENU_ACTIF[c])),
    preuves: {
      justificatifId: piece.justificatifId, typePiece: piece.type, nomOriginal: piece.nomOriginal, mime: piece.mime,
      contenus: contenus.map((code) => ({ code, detail: DETAILS[code] })),
      comptes: [{ id: piece.demandeurId, nom: compte?.nom, prenom: compte?.prenom }],
    },
    demandeurIds: [piece.demandeurId],
  }], now);
}
