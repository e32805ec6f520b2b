import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { forbidden } from '@server/http/problem';
import { decrireRoute } from '@server/openapi/registry';
import { objet } from '@server/openapi/schemas';
import { audit } from './audit';
import { verifierJournal } from './chaine';

decrireRoute({
  method: 'post', path: '/api/audit-events/verifier', auth: 'agent', roles: 'administrateurs',
  summary: 'Vérifier la chaîne d’empreintes du journal d’audit (nomme le premier événement qui ne correspond pas)',
  reponse: { json: objet('{valide, evenementsVerifies, joursScelles, nonChaines, dernierHash, rupture: {raison, evenementId, chaineSeq, jour, message} | null}') },
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
