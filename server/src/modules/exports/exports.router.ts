import { Router } from 'express';
import { createReadStream, existsSync } from 'node:fs';
import type { AppContext } from '../../context';
import { conflict, forbidden, HttpProblem } from '../../http/problem';
import { getRow, parseId } from '../../http/simpleRest';
import { audit } from '../audit-events/audit';
import { nomSur } from '../justificatifs/fichiers';
import { creerExport } from './creer';
import { cheminExport } from './executer';
import { exportsResource } from './exports.resource';

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

const expire = () => new HttpProblem(410, 'EXPORT_EXPIRE', 'Ce fichier a expiré et a été supprimé : relancez l’export.');

/** POST /api/exports (→ 201 {id, statut}) and GET /api/exports/:id/fichier (audited download). */
export function exportsRouter(ctx: AppContext) {
  const r = Router();

  r.post('/', async (req, res) => {
    res.status(201).json(await creerExport(req, ctx));
  });

  r.get('/:id/fichier', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('telecharger', 'exports')) throw forbidden();
    // Only the agent who made it or a manager (the ability's conditions, as SQL): 404 otherwise.
    await getRow(req, ctx, exportsResource, id, 'telecharger');
    const [x] = await req.em!.execute<{ statut: string; fichier: string | null; nom_fichier: string | null; destinataire: string; kind: string; expire_le: Date | null }[]>(
      `select statut, fichier, nom_fichier, destinataire, kind, expire_le from export where id = ?`,
      [id],
    );
    const now = ctx.clock.now();
    if (x.statut === 'expire' || (x.expire_le && new Date(x.expire_le) <= now)) throw expire();
    if (x.statut !== 'termine' || !x.fichier) throw conflict('EXPORT_NON_TERMINE', 'Le fichier n’est pas encore prêt.');
    const chemin = cheminExport(ctx.config.dataDir, x.fichier);
    if (!existsSync(chemin)) throw expire();
    await req.em!.transactional(async (tx) => {
      audit(tx, {
        at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'telechargement', entite: 'export', entiteId: id,
        details: { kind: x.kind, destinataire: x.destinataire, nomFichier: x.nom_fichier }, ip: req.ip,
      });
      await tx.flush();
    });
    const ext = x.fichier.endsWith('.pdf') ? 'pdf' : 'xlsx';
    res.setHeader('Content-Type', TYPES[ext]);
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(nomSur(x.nom_fichier ?? `export-${id}.${ext}`))}`);
    res.setHeader('Cache-Control', 'private, no-store');
    createReadStream(chemin).pipe(res);
  });

  return r;
}
