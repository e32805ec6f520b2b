import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { decrireRoute } from '@server/openapi/registry';
import { audit } from './audit';
import { verifierJournal, type ResultatVerification } from './chaine';

const resultatVerification = z.strictObject({
  valide: z.boolean(),
  evenementsVerifies: z.number().int(),
  joursScelles: z.number().int(),
  nonChaines: z.number().int().meta({ description: 'Événements validés mais pas encore chaînés (la tâche de chaînage les ajoute dans la minute)' }),
  dernierHash: z.string().nullable(),
  rupture: z.strictObject({
    raison: z.enum(['sequence', 'precedent', 'contenu', 'sceau']),
    evenementId: z.number().int().nullable(),
    chaineSeq: z.number().int().nullable(),
    jour: z.string().nullable(),
    message: z.string(),
  }).nullable().meta({ description: 'Le premier écart trouvé, ou null quand la chaîne est intacte' }),
}) satisfies z.ZodType<ResultatVerification>;

decrireRoute({
  method: 'post', path: '/api/audit-events/verifier', auth: 'agent', roles: 'administrateurs',
  summary: 'Vérifier la chaîne d’empreintes du journal d’audit (nomme le premier événement qui ne correspond pas)',
  reponse: { json: resultatVerification },
});

/**
 * DATA-AUDIT-CHAIN: `POST /api/audit-events/verifier` (admin) walks the whole chain (read-only,
 * one snapshot) and answers the result; the verification itself is audited with its outcome.
 */
export function verificationJournalRouter(ctx: AppContext) {
  const r = Router();
  r.post('/verifier', async (req, res) => {
    if (!req.ability!.can('verifier', 'journal')) throw forbidden();
    const resultat = await verifierJournal(req.em!);
    const now = ctx.clock.now();
    await req.em!.transactional(async (tx) => {
      audit(tx, {
        at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'verifier_journal', entite: 'audit_event',
        entiteId: resultat.rupture?.evenementId ?? null, vers: resultat.valide ? 'valide' : 'rompu',
        details: { evenementsVerifies: resultat.evenementsVerifies, nonChaines: resultat.nonChaines, raison: resultat.rupture?.raison ?? null }, ip: req.ip,
      });
      await tx.flush();
    });
    res.json(resultat);
  });
  return r;
}
