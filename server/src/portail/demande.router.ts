import { Router } from 'express';
import type { AppContext } from '@server/context';
import { notFound } from '@server/http/problem';
import { parseBody } from '@server/http/validate';
import { demandeBody, enregistrerDemande } from '@server/modules/demandes/enregistrer';
import { vueDemandePortail } from '@server/modules/demandes/vuePortail';
import { demandeurDe, requireDemandeur } from './auth';
import { decrireRoute } from '@server/openapi/registry';
import { demandeVue } from './reponses';

decrireRoute({ method: 'get', path: '/api/portail/demande', auth: 'demandeur', summary: 'Ma demande de logement en cours (404 s’il n’y en a pas)', reponse: { json: demandeVue }, problemes: { 404: ['INTROUVABLE'] } });
decrireRoute({
  method: 'put', path: '/api/portail/demande', auth: 'demandeur', body: demandeBody, summary: 'Créer (201) ou remplacer (200) ma demande de logement',
  description: '`statut`, `controleRenforce` et l’accompagnement ne sont pas modifiables par le demandeur ; un champ inconnu répond 400.',
  reponse: { json: demandeVue, description: 'Demande remplacée' }, autresReponses: [{ status: 201, json: demandeVue, description: 'Demande créée' }],
  problemes: { 400: ['COMMUNE_INCONNUE', 'ENTREPRISE_INCONNUE'], 409: ['SUSPENDU'] },
});

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
