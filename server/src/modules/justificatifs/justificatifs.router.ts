import { Router } from 'express';
import { createReadStream, existsSync } from 'node:fs';
import { z } from 'zod';
import { MOTIFS_REFUS_PIECE, type StatutJustificatif } from '../../../../shared/domain/enums';
import { verificationPossible } from '../../../../shared/rules/verificationPiece';
import type { AppContext } from '../../context';
import { conflict, forbidden, notFound } from '../../http/problem';
import { getRow, parseId } from '../../http/simpleRest';
import { parseBody } from '../../http/validate';
import { audit } from '../audit-events/audit';
import { rafraichirPaliers } from '../candidatures/paliers';
import { notifier } from '../notifications/outbox';
import { cheminFichier, nomSur } from './fichiers';
import { justificatifs } from './justificatifs.resource';

const corpsValider = z.object({ dateValiditeFin: z.iso.date().nullish() });
const corpsRefuser = z.object({ motifCode: z.enum(MOTIFS_REFUS_PIECE), motif: z.string().trim().max(500).optional() });

interface Piece {
  id: number; demande_id: number; statut: StatutJustificatif; sha256: string; mime: string; nom_original: string; type: string; titulaire: string;
}

/** Agents' routes on a justificatif: the file (every read audited), valider, refuser. */
export function justificatifsRouter(ctx: AppContext) {
  const r = Router();
  const charger = async (em: import('@mikro-orm/postgresql').EntityManager, id: number, lock = false) => {
    const [p] = await em.execute<Piece[]>(`select * from justificatif where id = ?${lock ? ' for update' : ''}`, [id]);
    if (!p) throw notFound();
    return p;
  };

  r.get('/:id/fichier', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('telecharger', 'justificatifs')) throw forbidden();
    await getRow(req, ctx, justificatifs, id, 'telecharger');
    const p = await charger(req.em!, id);
    const chemin = cheminFichier(ctx.config.dataDir, p.sha256);
    if (!existsSync(chemin)) throw notFound('Le fichier de cette pièce est introuvable sur le stockage.');
    const now = ctx.clock.now();
    await req.em!.transactional(async (tx) => {
      audit(tx, { at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'consultation_fichier', entite: 'justificatif', entiteId: id, details: { sha256: p.sha256 }, ip: req.ip });
      await tx.flush();
    });
    res.setHeader('Content-Type', p.mime);
    res.setHeader('Content-Disposition', `inline; filename*=UTF-8''${encodeURIComponent(nomSur(p.nom_original))}`);
    res.setHeader('X-Frame-Options', 'SAMEORIGIN');
    res.setHeader('Cache-Control', 'private, no-store');
    createReadStream(chemin).pipe(res);
  });

  r.post('/:id/valider', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('valider', 'justificatifs')) throw forbidden();
    await getRow(req, ctx, justificatifs, id, 'valider');
    const corps = parseBody(corpsValider, req.body);
    const now = ctx.clock.now();
    await req.em!.transactional(async (tx) => {
      const p = await charger(tx, id, true);
      if (!verificationPossible(p.statut, 'valider')) throw conflict('TRANSITION_INTERDITE', `Une pièce au statut « ${p.statut} » ne peut pas être validée.`);
      await tx.execute(
        `update justificatif set statut = 'valide', motif_refus = null, verifie_par_id = ?, verifie_le = ?, date_validite_fin = coalesce(?, date_validite_fin) where id = ?`,
        [req.agent!.id, now, corps.dateValiditeFin ?? null, id],
      );
      audit(tx, { at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'valider', entite: 'justificatif', entiteId: id, de: p.statut, vers: 'valide', ip: req.ip });
      await rafraichirPaliers(tx, [p.demande_id], now);
      await tx.flush();
    });
    res.json(await getRow(req, ctx, justificatifs, id));
  });

  r.post('/:id/refuser', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('refuser', 'justificatifs')) throw forbidden();
    await getRow(req, ctx, justificatifs, id, 'refuser');
    const corps = parseBody(corpsRefuser, req.body);
    const now = ctx.clock.now();
    await req.em!.transactional(async (tx) => {
      const p = await charger(tx, id, true);
      if (!verificationPossible(p.statut, 'refuser')) throw conflict('TRANSITION_INTERDITE', `Une pièce au statut « ${p.statut} » ne peut pas être refusée.`);
      const motif = [LIBELLES_MOTIF[corps.motifCode], corps.motif].filter(Boolean).join(' — ');
      await tx.execute(
        `update justificatif set statut = 'refuse', motif_refus = ?, verifie_par_id = ?, verifie_le = ? where id = ?`,
        [motif, req.agent!.id, now, id],
      );
      audit(tx, { at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'refuser', entite: 'justificatif', entiteId: id, de: p.statut, vers: 'refuse', motif, ip: req.ip });
      const [d] = await tx.execute<{ id: number; email: string; civilite: string; nom: string; prenom: string }[]>(
        `select dr.id, dr.email, dr.civilite, dr.nom, dr.prenom from demande d join demandeur dr on dr.id = d.demandeur_id where d.id = ?`,
        [p.demande_id],
      );
      notifier(tx, {
        demandeurId: d.id, destinataire: d.email, template: 'justificatif_refuse', entite: 'justificatif', entiteId: id, now,
        donnees: { civilite: d.civilite, nom: d.nom, prenom: d.prenom, piece: p.type, motif },
      });
      await rafraichirPaliers(tx, [p.demande_id], now);
      await tx.flush();
    });
    res.json(await getRow(req, ctx, justificatifs, id));
  });
  return r;
}

const LIBELLES_MOTIF: Record<(typeof MOTIFS_REFUS_PIECE)[number], string> = {
  illisible: 'Document illisible',
  incomplet: 'Document incomplet',
  perime: 'Document périmé',
  non_conforme: 'Document non conforme à la pièce demandée',
  titulaire_incorrect: 'Document au nom d’une autre personne',
  autre: 'Autre motif',
};
