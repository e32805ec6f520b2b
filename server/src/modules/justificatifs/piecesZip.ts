import { Router } from 'express';
import type { AppContext } from '@server/context';
import type { JustificatifTable } from '@server/db/schema';
import { forbidden } from '@server/http/problem';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { getRow, parseId } from '@server/http/simpleRest';
import { audit } from '@server/modules/audit-events/audit';
import { candidatures } from '@server/modules/candidatures/candidatures.resource';
import { ecrireZipPieces, nomSur } from '@server/modules/donnees/paquet';
import { decrireRoute } from '@server/openapi/registry';

decrireRoute({
  method: 'get', path: '/api/candidatures/{id}/pieces.zip', auth: 'agent', roles: 'conseillers (territoire), contrôle fraude',
  summary: 'Les pièces en vigueur du dossier, en une archive ZIP (journalisé)',
  description: 'Une entrée par pièce active de la demande (`<titulaire>-<type>-<id>-<nom>`), lue du stockage au fil de l’archive. Le téléchargement est journalisé (`telechargement_pieces`) avant le premier octet.',
  reponse: { fichier: ['application/zip'] }, problemes: { 403: ['INTERDIT'], 404: ['INTROUVABLE'], 429: ['TROP_DE_REQUETES'] },
});

type Piece = Pick<JustificatifTable, 'id' | 'type' | 'titulaire' | 'nom_original' | 'sha256'>;

/** Issue #15: « Télécharger les pièces » of a dossier, for those who may download pieces (managers may not). */
export function piecesZipRouter(ctx: AppContext) {
  const r = Router();
  r.get('/:id/pieces.zip', limiter(ctx, REGLES.archiveIp, ipDe), limiter(ctx, REGLES.archiveAgent, (req) => req.agent?.id), async (req, res) => {
    const id = parseId(String(req.params.id));
    if (!req.ability!.can('telecharger', 'justificatifs')) throw forbidden();
    const c = await getRow(req, ctx, candidatures, id); // outside the agent's scope: 404
    const pieces = await req.em!.execute<Piece[]>(
      `select j.id, j.type, j.titulaire, j.nom_original, j.sha256 from justificatif j join candidature c on c.demande_id = j.demande_id
        where c.id = ? and j.actif and j.fichier_supprime_le is null order by j.titulaire, j.type, j.id`,
      [id],
    );
    const now = ctx.clock.now();
    await req.em!.fork().transactional(async (tx) => {
      audit(tx, {
        at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'telechargement_pieces', entite: 'candidature', entiteId: id,
        details: { pieces: pieces.map((p) => p.id) }, ip: req.ip,
      });
      await tx.flush();
    });
    res.status(200);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', `attachment; filename="pieces-${nomSur(String(c.reference))}.zip"`);
    await ecrireZipPieces(ctx.storage, res, {
      date: now,
      buffers: [],
      fichiers: pieces.map((p) => ({ nom: `${p.titulaire}-${p.type}-${p.id}-${nomSur(p.nom_original)}`, sha256: p.sha256 })),
    });
  });
  return r;
}
