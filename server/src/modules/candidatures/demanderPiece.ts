import type { EntityManager } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { z } from 'zod';
import { LIBELLES_PIECE, TITULAIRES, TYPES_JUSTIFICATIF, type Titulaire } from '@shared/domain/enums';
import { estOuvert } from '@shared/rules/candidature';
import { checklist, pieceADemander } from '@shared/rules/completude';
import type { AppContext } from '@server/context';
import type { DemandePieceTable } from '@server/db/schema';
import { conflict, forbidden, HttpProblem, notFound } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { audit } from '@server/modules/audit-events/audit';
import { lienPortail } from '@server/modules/comptes/liens';
import { notifier } from '@server/modules/notifications/outbox';
import { decrireRoute } from '@server/openapi/registry';
import { candidatures } from './candidatures.resource';
import { chargerCandidature, foyer } from './contexte';
import { prendreEnAgissant } from './prendre';
import { acteurDe, type Acteur } from './transition';
import type { DemandePieceVue } from './piecesDemandees';

export const corpsDemanderPiece = z.strictObject({
  type: z.enum(TYPES_JUSTIFICATIF),
  titulaire: z.enum(TITULAIRES).default('demandeur'),
  motif: z.string().trim().min(5, 'Indiquez au demandeur pourquoi la pièce est demandée (5 caractères au moins).').max(1000),
});
export type CorpsDemanderPiece = z.infer<typeof corpsDemanderPiece>;

/** A pending request as the dossier and the API show it. */
export const demandePieceVue = z.object({
  id: z.number().int(),
  candidatureId: z.number().int(),
  type: z.enum(TYPES_JUSTIFICATIF),
  titulaire: z.enum(TITULAIRES),
  motif: z.string(),
  demandeeLe: z.string().meta({ format: 'date-time' }),
  agentId: z.number().int(),
  agentNom: z.string(),
});

decrireRoute({
  method: 'post', path: '/api/candidatures/{id}/pieces/demander', auth: 'agent',
  summary: '« Demander la pièce » : demander au demandeur une pièce manquante ou refusée du dossier, avec un motif',
  description:
    'Une transaction : verrous (offre, demandeur, candidature), candidature ouverte, pièce exigée par le dossier et ni déposée ni validée, '
    + 'une seule demande en attente par pièce (index unique partiel), événement d’audit et courriel au demandeur (boîte d’envoi). '
    + 'L’agent prend le dossier si personne ne le traite. Le dépôt de cette pièce sur le portail satisfait la demande.',
  body: corpsDemanderPiece,
  reponse: { status: 201, json: demandePieceVue },
  problemes: { 400: ['VALIDATION'], 404: ['INTROUVABLE'], 409: ['CANDIDATURE_CLOSE', 'PIECE_DEJA_FOURNIE', 'DEJA_DEMANDEE'], 422: ['PIECE_NON_REQUISE'] },
});

const TITULAIRE_MAIL: Record<Titulaire, string | null> = { demandeur: null, codemandeur: 'au nom de votre codemandeur' };

/**
 * Issue #15, « Demander la pièce », in the caller's transaction: the candidature locked (offre →
 * demandeur → demande → candidature, the one lock order; a deposit in progress goes first), open, the piece one its dossier requires and that
 * does not count yet (shared checklist); then the request (a conditional insert: a pending one for the
 * same piece wins, 409 DEJA_DEMANDEE), its audit event, the mail to the demandeur, and the dossier
 * taken by the agent when nobody holds it.
 */
export async function demanderPiece(tx: EntityManager, id: number, corps: CorpsDemanderPiece, acteur: Acteur, now: Date): Promise<DemandePieceVue> {
  const ctx = await chargerCandidature(tx, id, true, { demande: true }); // a deposit in progress first: then its piece is seen
  if (!ctx) throw notFound();
  if (!estOuvert(ctx.c.statut)) {
    throw conflict('CANDIDATURE_CLOSE', 'Cette candidature est close : il n’y a plus de pièce à demander pour elle.');
  }
  const libelle = LIBELLES_PIECE[corps.type];
  const ligne = checklist(ctx.offre, foyer(ctx), ctx.justificatifs, now).find((l) => l.type === corps.type && l.titulaire === corps.titulaire);
  if (!ligne) {
    throw new HttpProblem(422, 'PIECE_NON_REQUISE', `Le dossier de cette candidature n’exige pas de ${libelle}${corps.titulaire === 'codemandeur' ? ' du codemandeur' : ''} : rien à demander.`,
      [{ field: 'type', message: 'Pièce non exigée pour ce dossier.' }]);
  }
  if (!pieceADemander(ligne)) {
    throw conflict('PIECE_DEJA_FOURNIE', ligne.validee
      ? `La pièce « ${libelle} » est déjà validée : il n’y a rien à demander.`
      : `La pièce « ${libelle} » a été déposée et attend d’être vérifiée : validez-la ou refusez-la.`);
  }
  // Conditional insert on the partial unique index: a request still pending for this piece keeps its place.
  const [cree] = await tx.execute<Pick<DemandePieceTable, 'id'>[]>(
    `insert into demande_piece (candidature_id, demande_id, type, titulaire, motif, demandee_le, agent_id)
     values (?, ?, ?, ?, ?, ?, ?)
     on conflict (candidature_id, type, titulaire) where satisfaite_le is null do nothing returning id`,
    [id, ctx.c.demande_id, corps.type, corps.titulaire, corps.motif, now, acteur.id],
  );
  if (!cree) {
    const [deja] = await tx.execute<{ demandee_le: Date }[]>(
      `select demandee_le from demande_piece where candidature_id = ? and type = ? and titulaire = ? and satisfaite_le is null`,
      [id, corps.type, corps.titulaire],
    );
    const le = deja ? ` le ${new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short' }).format(new Date(deja.demandee_le))}` : '';
    throw conflict('DEJA_DEMANDEE', `La pièce « ${libelle} » a déjà été demandée${le} et le demandeur ne l’a pas encore déposée.`);
  }
  audit(tx, {
    at: now, acteur: { type: 'agent', id: acteur.id }, action: 'demander_piece', entite: 'candidature', entiteId: id,
    motif: corps.motif, details: { demandePieceId: cree.id, type: corps.type, titulaire: corps.titulaire }, ip: acteur.ip,
  });
  notifier(tx, {
    demandeurId: ctx.demandeur.id, destinataire: ctx.demandeur.email, template: 'piece_demandee', entite: 'candidature', entiteId: id, now,
    donnees: {
      civilite: ctx.demandeur.civilite, prenom: ctx.demandeur.prenom, nom: ctx.demandeur.nom, reference: ctx.c.reference,
      offre: `${ctx.offre.reference} — ${ctx.offre.titre}`, piece: libelle, titulaire: TITULAIRE_MAIL[corps.titulaire], motif: corps.motif,
      lien: lienPortail(`/portail/pieces?type=${corps.type}&titulaire=${corps.titulaire}`),
    },
  });
  // Acting takes the dossier (issue #15), as a piece validated or refused from it does.
  await prendreEnAgissant(tx, id, ctx.c.demande_id, acteur, 'demander_piece', now);
  await tx.flush();
  return { id: cree.id, candidatureId: id, type: corps.type, titulaire: corps.titulaire, motif: corps.motif, demandeeLe: now, agentId: acteur.id, agentNom: acteur.nom };
}

export function demanderPieceRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/pieces/demander', async (req, res) => {
    const id = parseId(req.params.id);
    if (!req.ability!.can('demander_piece', 'candidatures')) throw forbidden();
    await getRow(req, ctx, candidatures, id, 'demander_piece'); // outside the caller's territory: 404
    const corps = parseBody(corpsDemanderPiece, req.body);
    const vue = await req.em!.transactional((tx) => demanderPiece(tx, id, corps, acteurDe(req), ctx.clock.now()));
    res.status(201).json(vue);
  });
  return r;
}
