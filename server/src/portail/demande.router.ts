import { Router } from 'express';
import type { AppContext } from '../context';
import { notFound } from '../http/problem';
import { parseBody } from '../http/validate';
import { demandeBody, enregistrerDemande } from '../modules/demandes/enregistrer';
import { vueDemandePortail } from '../modules/demandes/vuePortail';
import { demandeurDe, requireDemandeur } from './auth';

/** `GET/PUT /api/portail/demande`: the demandeur's one open demande (§11.1–11.3). */
export function demandeRouter(ctx: AppContext) {
  const r = Router();
  r.use(requireDemandeur(ctx));

  r.get('/', async (req, res) => {
    const vue = await vueDemandePortail(req.em!, demandeurDe(req).id, ctx.clock.now());
    if (!vue) throw notFound('Vous n’avez pas de demande de logement en cours : créez-la avec PUT /api/portail/demande.');
    res.json(vue);
  });

  r.put('/', async (req, res) => {
    const body = parseBody(demandeBody, req.body);
    const now = ctx.clock.now();
    const id = req.demandeur!.id;
    const existait = await req.em!.transactional(async (tx) => {
      const avant = await tx.execute<{ n: number }[]>(`select count(*)::int as n from demande where demandeur_id = ? and statut <> 'cloturee'`, [id]);
      await enregistrerDemande(tx, id, body, now, req.ip);
      return avant[0].n > 0;
    });
    res.status(existait ? 200 : 201).json(await vueDemandePortail(req.em!.fork(), id, now));
  });
  return r;
}
