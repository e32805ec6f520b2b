import type { EntityManager } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { conflict } from '@server/http/problem';
import { getRow, parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { audit } from '@server/modules/audit-events/audit';
import { candidatures } from '@server/modules/candidatures/candidatures.resource';
import { decrireRoute } from '@server/openapi/registry';
import { cleSignalement, enregistrerSignalements } from './enregistrer';

/** An agent's doubt weighs like a shared telephone: above the automatic look-alikes, below a hostile file. */
export const SCORE_SIGNALEMENT_AGENT = 60;

export const corpsSignaler = z.object({
  motif: z.string().trim().min(10, 'Décrivez en quelques mots ce qui vous alerte (10 caractères au moins).').max(2000),
});

decrireRoute({
  method: 'post', path: '/api/candidatures/{id}/signaler-fraude', auth: 'agent',
  summary: 'Signaler le dossier au contrôle fraude, avec le motif (crée un signalement « signalement_agent »)',
  description: 'Tout agent qui voit la candidature peut la signaler. Le motif n’est lu que par le contrôle fraude (R-FRAUD-VIS) ; le demandeur n’en est pas informé. Un signalement encore ouvert du même agent pour ce demandeur : 409 DEJA_SIGNALE.',
  body: corpsSignaler,
  reponse: { status: 201, json: z.object({ signalementId: z.number().int() }) },
  problemes: { 400: ['VALIDATION'], 404: ['INTROUVABLE'], 409: ['DEJA_SIGNALE'] },
});

interface Cible {
  id: number; reference: string; demandeur_id: number; nom: string; prenom: string;
}

/**
 * Issue #15: « Signaler au contrôle fraude » from the dossier page. In one transaction: the
 * demandeur locked (one flag at a time per demandeur), no open flag of the same agent on them,
 * the signal (type `signalement_agent`, the motif as evidence for contrôle fraude only) and its
 * audit event (fraud: hidden from the demandeur's data package and from other roles' history).
 */
export async function signalerDossier(tx: EntityManager, candidatureId: number, agent: { id: number }, motif: string, now: Date, ip?: string) {
  const [c] = await tx.execute<Cible[]>(
    `select c.id, c.reference, c.demandeur_id, d.nom, d.prenom from candidature c join demandeur d on d.id = c.demandeur_id where c.id = ? for update of d`,
    [candidatureId],
  );
  const ouverts = await tx.execute<{ id: number }[]>(
    `select id from signalement where type = 'signalement_agent' and statut in ('nouveau', 'en_cours')
        and demandeur_ids @> array[?]::int[] and (preuves->>'agentId')::int = ?`,
    [c.demandeur_id, agent.id],
  );
  if (ouverts.length) throw conflict('DEJA_SIGNALE', `Vous avez déjà signalé ce demandeur : le signalement n° ${ouverts[0].id} est en cours d’examen par le contrôle fraude.`);
  const [{ nom: agentNom }] = await tx.execute<{ nom: string }[]>(`select prenom || ' ' || nom as nom from agent where id = ?`, [agent.id]);
  const [id] = await enregistrerSignalements(tx, [{
    type: 'signalement_agent',
    cle: cleSignalement('signalement_agent', `c${c.id}:a${agent.id}:${now.getTime()}`, [c.demandeur_id]),
    score: SCORE_SIGNALEMENT_AGENT,
    preuves: {
      motif, agentId: agent.id, agentNom, candidatureId: c.id, candidatureReference: c.reference,
      comptes: [{ id: c.demandeur_id, nom: c.nom, prenom: c.prenom }],
    },
    demandeurIds: [c.demandeur_id],
  }], now);
  audit(tx, {
    at: now, acteur: { type: 'agent', id: agent.id }, action: 'signaler_fraude', entite: 'candidature', entiteId: c.id,
    fraude: true, details: { signalementId: id }, ip,
  });
  await tx.flush();
  return id;
}

export function signalerDossierRouter(ctx: AppContext) {
  const r = Router();
  r.post('/:id/signaler-fraude', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, candidatures, id); // outside the agent's scope: 404
    const { motif } = parseBody(corpsSignaler, req.body);
    const signalementId = await req.em!.transactional((tx) => signalerDossier(tx, id, req.agent!, motif, ctx.clock.now(), req.ip));
    res.status(201).json({ signalementId });
  });
  return r;
}
