import { Router } from 'express';
import { z } from 'zod';
import { MOTIFS_REFUS_PIECE, type StatutJustificatif } from '@shared/domain/enums';
import { verificationPossible } from '@shared/rules/verificationPiece';
import type { AppContext } from '@server/context';
import { conflict, forbidden, notFound } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { envoyerObjet } from '@server/http/envoyerObjet';
import { entetesFichier } from '@server/http/entetes';
import { audit } from '@server/modules/audit-events/audit';
import { candidatures } from '@server/modules/candidatures/candidatures.resource';
import { prendreEnAgissant } from '@server/modules/candidatures/prendre';
import { acteurDe } from '@server/modules/candidatures/transition';
import { dossierOuvert } from '@server/modules/candidatures/dossier';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';
import { timeline } from '@server/modules/candidatures/timeline';
import { notifier } from '@server/modules/notifications/outbox';
import { nomSur } from './fichiers';
import { justificatifs } from './justificatifs.resource';
import { decrireRoute, ligne } from '@server/openapi/registry';

/**
 * The dossier the piece is checked from (`?candidatureId=`, or `candidatureId` in the body): its data
 * comes back with the piece (one request for the dossier screen, issue #19), and when nobody holds it
 * the agent now does (acting takes the dossier, issue #15).
 */
const candidatureId = z.number().int().positive().max(2_147_483_647).optional()
  .meta({ description: 'La candidature (de la même demande) depuis laquelle la pièce est vérifiée : si personne ne la traite, l’agent la prend en charge.' });
const corpsValider = z.object({ dateValiditeFin: z.iso.date().nullish(), candidatureId });
const corpsRefuser = z.object({ motifCode: z.enum(MOTIFS_REFUS_PIECE), motif: z.string().trim().max(500).optional(), candidatureId });
const requeteVerification = z.object({ candidatureId: z.coerce.number().int().positive().max(2_147_483_647).optional() });

decrireRoute({
  method: 'get', path: '/api/justificatifs/{id}/fichier', auth: 'agent', summary: 'Le fichier de la pièce (chaque lecture est auditée)',
  reponse: { fichier: ['application/pdf', 'image/png', 'image/jpeg'] },
});
decrireRoute({
  method: 'post', path: '/api/justificatifs/{id}/valider', auth: 'agent', body: corpsValider, query: requeteVerification,
  summary: 'Valider la pièce (date de fin de validité facultative) ; avec candidatureId, la réponse porte aussi la candidature, son dossier et son historique',
  reponse: { json: ligne('justificatifs') }, problemes: { 409: ['TRANSITION_INTERDITE'] },
});
decrireRoute({
  method: 'post', path: '/api/justificatifs/{id}/refuser', auth: 'agent', body: corpsRefuser, query: requeteVerification,
  summary: 'Refuser la pièce (motif ; le demandeur est prévenu) ; avec candidatureId, la réponse porte aussi la candidature, son dossier et son historique',
  reponse: { json: ligne('justificatifs') }, problemes: { 409: ['TRANSITION_INTERDITE'] },
});

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
  /**
   * The candidature screen the verification is made from: readable by the caller (else 404 before any
   * write); `aPrendre` when the agent may take dossiers (the server takes it only if nobody holds it).
   */
  const ecranDe = async (req: import('express').Request, duCorps: number | undefined) => {
    const candidatureId = duCorps ?? parseBody(requeteVerification, req.query).candidatureId;
    if (candidatureId === undefined) return { candidatureId, aPrendre: null };
    const peutPrendre = req.ability!.can('prendre', 'candidatures');
    await getRow(req, ctx, candidatures, candidatureId, peutPrendre ? 'prendre' : 'read');
    return { candidatureId, aPrendre: peutPrendre ? candidatureId : null };
  };
  /**
   * The piece, and with `candidatureId` what the dossier screen shows that the verification
   * changes (palier and rank, checklist and eligibility, history): one request instead of the
   * POST and a reload of each (issue #19).
   */
  const reponse = async (req: import('express').Request, id: number, candidatureId: number | undefined) => {
    const piece = await getRow(req, ctx, justificatifs, id);
    if (candidatureId === undefined) return piece;
    const [candidature, d, t] = await Promise.all([
      getRow(req, ctx, candidatures, candidatureId),
      dossierOuvert(req, candidatureId, ctx.clock.now()),
      timeline(req.em!, 'candidature', candidatureId, req.agent!.role === 'controle_fraude'),
    ]);
    return { ...piece, candidature, dossier: d, timeline: t };
  };

  r.get('/:id/fichier', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('telecharger', 'justificatifs')) throw forbidden();
    await getRow(req, ctx, justificatifs, id, 'telecharger');
    const p = await charger(req.em!, id);
    const fichier = await ctx.storage.get(p.sha256);
    if (!fichier) throw notFound('Le fichier de cette pièce est introuvable sur le stockage.');
    const now = ctx.clock.now();
    try {
      await req.em!.transactional(async (tx) => {
        audit(tx, { at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'consultation_fichier', entite: 'justificatif', entiteId: id, details: { sha256: p.sha256 }, ip: req.ip });
        await tx.flush();
      });
    } catch (e) {
      fichier.stream.destroy();
      throw e;
    }
    entetesFichier(res, { mime: p.mime, nom: nomSur(p.nom_original) }); // CSP sandbox: a polyglot runs nothing
    await envoyerObjet(res, fichier);
  });

  r.post('/:id/valider', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('valider', 'justificatifs')) throw forbidden();
    await getRow(req, ctx, justificatifs, id, 'valider');
    const corps = parseBody(corpsValider, req.body);
    const { candidatureId, aPrendre } = await ecranDe(req, corps.candidatureId);
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
      if (aPrendre) await prendreEnAgissant(tx, aPrendre, p.demande_id, acteurDe(req), 'valider_piece', now);
      await tx.flush();
    });
    res.json(await reponse(req, id, candidatureId));
  });

  r.post('/:id/refuser', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('refuser', 'justificatifs')) throw forbidden();
    await getRow(req, ctx, justificatifs, id, 'refuser');
    const corps = parseBody(corpsRefuser, req.body);
    const { candidatureId, aPrendre } = await ecranDe(req, corps.candidatureId);
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
      if (aPrendre) await prendreEnAgissant(tx, aPrendre, p.demande_id, acteurDe(req), 'refuser_piece', now);
      await tx.flush();
    });
    res.json(await reponse(req, id, candidatureId));
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
