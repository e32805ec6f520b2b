import { Router } from 'express';
import { z } from 'zod';
import { TITULAIRES, TYPES_JUSTIFICATIF } from '@shared/domain/enums';
import type { AppContext } from '@server/context';
import { parseBody } from '@server/http/validate';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { verifierDimensions } from '@server/modules/justificatifs/dimensionsImage';
import { deposerJustificatif } from '@server/modules/justificatifs/deposer';
import { retirerSiOrphelin, supprimer, verrouAdresse } from '@server/modules/justificatifs/stockageDepot';
import { nomAssaini } from '@server/modules/justificatifs/typeFichier';
import { inspecter } from '@server/modules/justificatifs/inspection/pool';
import { verifierQuota } from '@server/modules/justificatifs/quota';
import { signalerContenuActif } from '@server/modules/signalements/contenuActif';
import { demandeurDe, requireDemandeur } from './auth';
import { recevoirFormulaire, typeRefuse } from './reception';
import { decrireRoute } from '@server/openapi/registry';
import { pieceDeposee } from './reponses';

const champsBody = z.strictObject({
  type: z.enum(TYPES_JUSTIFICATIF),
  titulaire: z.enum(TITULAIRES).default('demandeur'),
  fichier: z.custom<object>((v) => v !== null && typeof v === 'object', { message: 'fichier manquant' }),
});

decrireRoute({
  method: 'post', path: '/api/portail/justificatifs', auth: 'demandeur', summary: 'Déposer une pièce justificative (PDF, JPEG ou PNG, 20 Mo au plus)',
  description: 'Le type est reconnu aux octets, pas au nom. La pièce active du même type et titulaire est conservée en historique (`remplace`).',
  multipart: z.object({
    type: z.enum(TYPES_JUSTIFICATIF), titulaire: z.enum(TITULAIRES).default('demandeur'),
    fichier: z.string().meta({ format: 'binary', description: 'Le fichier (PDF, JPEG, PNG)' }),
  }),
  reponse: { status: 201, json: pieceDeposee },
  problemes: { 400: ['MULTIPART_ATTENDU', 'MULTIPART_INVALIDE'], 409: ['DEMANDE_ABSENTE', 'SANS_CODEMANDEUR', 'SUSPENDU'], 413: ['TROP_VOLUMINEUX', 'QUOTA_PIECES'], 415: ['TYPE_FICHIER'], 422: ['FICHIER_ILLISIBLE', 'IMAGE_TROP_GRANDE'], 429: ['TROP_DE_REQUETES', 'SERVEUR_OCCUPE'] },
});

/**
 * `POST /api/portail/justificatifs` multipart {type, titulaire, fichier} → 201. On any failure
 * nothing stays: no row (the transaction rolls back), no file (the temporary one is removed, a
 * placed one too unless a committed piece already had the same bytes).
 */
export function justificatifsRouter(ctx: AppContext) {
  const r = Router();
  r.post('/', requireDemandeur(ctx), limiter(ctx, REGLES.depotIp, ipDe), limiter(ctx, REGLES.depotCompte, (req) => req.demandeur?.id), async (req, res) => {
    const recu = await recevoirFormulaire(req, ctx.storage);
    const f = recu.fichier;
    let place = false;
    try {
      const { type, titulaire } = parseBody(champsBody, { ...recu.champs, fichier: f ?? undefined });
      await verifierDimensions(f!.temporaire, f!.mime); // an image bomb: its header announces the pixels, refused before any decoding
      // Off the event loop, within time and memory limits: a PDF bomb is a 422, never a blocked server.
      const inspection = await inspecter(f!.temporaire, f!.mime);
      if (!inspection.format) throw typeRefuse();
      const { metadonneesPdf } = inspection;
      const now = ctx.clock.now();
      const piece = { type, titulaire, sha256: f!.sha256, taille: f!.taille, mime: f!.mime, nomOriginal: nomAssaini(f!.nomOriginal, f!.mime), metadonneesPdf };
      const out = await req.em!.transactional(async (tx) => {
        const r = await deposerJustificatif(tx, demandeurDe(req).id, piece, now, req.ip);
        await verifierQuota(tx, demandeurDe(req).id); // the demande is locked: concurrent uploads count one after the other
        await signalerContenuActif(tx, { justificatifId: r.id, demandeurId: demandeurDe(req).id, type, nomOriginal: piece.nomOriginal, mime: piece.mime }, inspection.contenuActif, now);
        await verrouAdresse(tx, f!.sha256);
        place = await ctx.storage.putFile(f!.temporaire, f!.sha256); // last step before commit
        return r;
      });
      res.status(201).json({ id: out.id, type, titulaire, statut: 'depose', nomOriginal: piece.nomOriginal, taille: piece.taille, mime: piece.mime, remplace: out.remplace, deposeLe: now, statutDemande: out.statutDemande });
    } catch (e) {
      if (place && f) await retirerSiOrphelin(ctx.orm.em.fork(), ctx.storage, f.sha256);
      throw e;
    } finally {
      if (f) await supprimer(f.temporaire);
    }
  });
  return r;
}
