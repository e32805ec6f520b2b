import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { parseId } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { accepterProposition, refuserProposition } from '@server/modules/propositions/repondre';
import { demandeurDe, requireDemandeur } from './auth';
import { texte } from './schemas';
import { decrireRoute } from '@server/openapi/registry';
import { propositionAcceptee, propositionRefusee, propositionVue } from './reponses';

const refusBody = z.strictObject({ motif: texte(500).optional() });

decrireRoute({ method: 'get', path: '/api/portail/propositions', auth: 'demandeur', summary: 'Offres que les conseillers m’ont proposées', reponse: { json: z.array(propositionVue) } });
decrireRoute({
  method: 'post', path: '/api/portail/propositions/{id}/accepter', auth: 'demandeur', body: z.strictObject({}), summary: 'Accepter : la candidature est déposée',
  reponse: { status: 201, json: propositionAcceptee },
  problemes: { 409: ['PROPOSITION_CLOSE', 'PROPOSITION_EXPIREE', 'SUSPENDU', 'DEMANDE_INCOMPLETE', 'DEJA_CANDIDAT', 'NON_ELIGIBLE', 'LIMITE_CLASSIQUE', 'LIMITE_PROGRAMME', 'LIMITE_IDENTIFIE'] },
});
decrireRoute({
  method: 'post', path: '/api/portail/propositions/{id}/refuser', auth: 'demandeur', body: refusBody, summary: 'Décliner (motif facultatif)',
  reponse: { json: propositionRefusee }, problemes: { 409: ['PROPOSITION_CLOSE', 'PROPOSITION_EXPIREE'] },
});

/** Offers pushed to the demandeur by an agent (§11.17, §11.25): list, accept, decline. */
export function propositionsRouter(ctx: AppContext) {
  const r = Router();
  r.use(requireDemandeur(ctx));

  r.get('/', async (req, res) => {
    const rows = await req.em!.execute(
      `select p.id, case when p.statut = 'envoyee' and p.expire_le <= ? then 'expiree' else p.statut end as statut, p.message,
              p.envoyee_le as "envoyeeLe", p.expire_le as "expireLe", p.repondu_le as "reponduLe", p.candidature_id as "candidatureId",
              o.id as "offreId", o.reference as offre, o.titre, o.nature, o.forme, o.typologie, o.commune, o.code_postal as "codePostal",
              o.loyer, o.loyer_min as "loyerMin", o.loyer_max as "loyerMax", o.surface, o.surface_min as "surfaceMin", o.surface_max as "surfaceMax",
              b.nom as bailleur
         from proposition p join offre o on o.id = p.offre_id join bailleur b on b.id = o.bailleur_id
        where p.demandeur_id = ? order by p.envoyee_le desc, p.id desc limit 200`,
      [ctx.clock.now(), demandeurDe(req).id],
    );
    res.json(rows);
  });

  r.post('/:id/accepter', async (req, res) => {
    const id = parseId(req.params.id);
    parseBody(z.strictObject({}), req.body);
    const out = await req.em!.transactional((tx) => accepterProposition(tx, demandeurDe(req).id, id, ctx.clock.now(), req.ip));
    res.status(201).json(out);
  });

  r.post('/:id/refuser', async (req, res) => {
    const id = parseId(req.params.id);
    const { motif } = parseBody(refusBody, req.body);
    const out = await req.em!.transactional((tx) => refuserProposition(tx, demandeurDe(req).id, id, ctx.clock.now(), motif ?? null, req.ip));
    res.json(out);
  });
  return r;
}
