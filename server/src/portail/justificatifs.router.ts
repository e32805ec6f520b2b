import { readFile } from 'node:fs/promises';
import { Router } from 'express';
import { z } from 'zod';
import { TITULAIRES, TYPES_JUSTIFICATIF } from '../../../shared/domain/enums';
import type { AppContext } from '../context';
import { parseBody } from '../http/validate';
import { deposerJustificatif } from '../modules/justificatifs/deposer';
import { placer, retirerSiOrphelin, supprimer } from '../modules/justificatifs/stockageDepot';
import { lireMetadonneesPdf, nomAssaini } from '../modules/justificatifs/typeFichier';
import { demandeurDe, requireDemandeur } from './auth';
import { recevoirFormulaire, typeRefuse } from './reception';

const champsBody = z.strictObject({
  type: z.enum(TYPES_JUSTIFICATIF),
  titulaire: z.enum(TITULAIRES).default('demandeur'),
  fichier: z.custom<object>((v) => v !== null && typeof v === 'object', { message: 'fichier manquant' }),
});

/**
 * `POST /api/portail/justificatifs` multipart {type, titulaire, fichier} → 201. On any failure
 * nothing stays: no row (the transaction rolls back), no file (the temporary one is removed, a
 * placed one too unless a committed piece already had the same bytes).
 */
export function justificatifsRouter(ctx: AppContext) {
  const r = Router();
  r.post('/', requireDemandeur(ctx), async (req, res) => {
    const dataDir = ctx.config.dataDir;
    const recu = await recevoirFormulaire(req, dataDir);
    const f = recu.fichier;
    let place = false;
    try {
      const { type, titulaire } = parseBody(champsBody, { ...recu.champs, fichier: f ?? undefined });
      const metadonneesPdf = f!.mime === 'application/pdf' ? await lireMetadonneesPdf(await readFile(f!.temporaire)) : null;
      if (f!.mime === 'application/pdf' && !metadonneesPdf) throw typeRefuse();
      const now = ctx.clock.now();
      const piece = { type, titulaire, sha256: f!.sha256, taille: f!.taille, mime: f!.mime, nomOriginal: nomAssaini(f!.nomOriginal, f!.mime), metadonneesPdf };
      const out = await req.em!.transactional(async (tx) => {
        const r = await deposerJustificatif(tx, demandeurDe(req).id, piece, now, req.ip);
        place = await placer(dataDir, f!.temporaire, f!.sha256); // last step before commit
        return r;
      });
      res.status(201).json({ id: out.id, type, titulaire, statut: 'depose', nomOriginal: piece.nomOriginal, taille: piece.taille, mime: piece.mime, remplace: out.remplace, deposeLe: now, statutDemande: out.statutDemande });
    } catch (e) {
      if (place && f) await retirerSiOrphelin(ctx.orm.em.fork(), dataDir, f.sha256);
      throw e;
    } finally {
      if (f) await supprimer(f.temporaire);
    }
  });
  return r;
}
