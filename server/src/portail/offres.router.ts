import { Router, type Request } from 'express';
import { z } from 'zod';
import { FORMES_OFFRE, NATURES_OFFRE } from '@shared/domain/enums';
import type { AppContext } from '@server/context';
import { badRequest, notFound } from '@server/http/problem';
import { communesConnues } from '@server/modules/communes/referentiel';
import { zodToProblem } from '@server/http/problem';
import { contentRange, parseId } from '@server/http/simpleRest';
import { creerCandidature } from '@server/modules/candidatures/creer';
import { demandeRules } from '@shared/rules/demande';
import { demandeOuverte, justificatifsActifs } from '@server/modules/demandes/donneesDemandeur';
import { offrePubliee, rechercherOffres, type CritereEligibilite } from '@server/modules/offres/rechercherPortail';
import { demandeurDe, optionalDemandeur, requireDemandeur } from './auth';
import { decrireRoute } from '@server/openapi/registry';
import { candidatureCreee, offrePubliee as offreVue, offreTrouvee } from './reponses';

const MAX_PAGE = 100;
const codeInsee = /^(\d{5}|2[AB]\d{3})$/;

const querySchema = z.object({
  communes: z
    .string()
    .max(20 * 6)
    .transform((s) => [...new Set(s.split(',').map((c) => c.trim()).filter(Boolean))])
    .pipe(z.array(z.string().regex(codeInsee, 'code INSEE attendu')).max(20))
    .optional(),
  rayonKm: z
    .string()
    .regex(/^\d{1,3}(\.\d{1,3})?$/, 'nombre de 0 à 100 attendu')
    .transform(Number)
    .pipe(z.number().min(0).max(100, 'le rayon va de 0 à 100 km'))
    .optional(),
  nature: z.enum(NATURES_OFFRE).optional(),
  forme: z.enum(FORMES_OFFRE).optional(),
  range: z
    .string()
    .max(40)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'JSON [début, fin] attendu' });
        return z.NEVER;
      }
    })
    .pipe(z.tuple([z.number().int().min(0).max(100_000), z.number().int().min(0).max(100_000)]).refine(([a, b]) => b >= a, 'fin ≥ début'))
    .optional(),
});

decrireRoute({
  method: 'get', path: '/api/portail/offres', auth: 'demandeur-optionnel', query: querySchema,
  summary: 'Rechercher les offres publiées (toutes pour un visiteur ; les offres éligibles pour une demande complète)',
  description: '`communes` : codes INSEE séparés par des virgules (20 au plus) ; `rayonKm` autour d’elles (0 à 100) ; `range=[0,24]` (100 offres au plus).',
  reponse: {
    json: z.array(offreTrouvee),
    entetes: { 'Content-Range': 'offres début-fin/total', 'X-Offres-Eligibles': '`oui` quand la liste est filtrée par l’éligibilité de la demande' },
  },
  problemes: { 400: ['PARAMETRE_INVALIDE', 'COMMUNE_INCONNUE'] },
});
decrireRoute({ method: 'get', path: '/api/portail/offres/{id}', auth: 'public', summary: 'Une offre publiée', reponse: { json: offreVue } });
decrireRoute({
  method: 'post', path: '/api/portail/offres/{id}/candidater', auth: 'demandeur', summary: 'Candidater à une offre (R-LIMIT, R-ELIG)',
  reponse: { status: 201, json: candidatureCreee },
  problemes: { 409: ['LIMITE_CLASSIQUE', 'LIMITE_PROGRAMME', 'LIMITE_IDENTIFIE', 'SUSPENDU', 'NON_ELIGIBLE', 'DEMANDE_INCOMPLETE', 'OFFRE_NON_PUBLIEE', 'DEJA_CANDIDAT', 'DEMANDE_ABSENTE', 'COMPTE_INACTIF'] },
});

function lireQuery(req: Request) {
  const q = req.query as Record<string, unknown>;
  for (const k of ['communes', 'rayonKm', 'nature', 'forme', 'range']) {
    if (Array.isArray(q[k])) throw badRequest('PARAMETRE_INVALIDE', `Le paramètre « ${k} » doit apparaître une seule fois.`);
  }
  const r = querySchema.safeParse(q);
  if (!r.success) throw zodToProblem(r.error, 'PARAMETRE_INVALIDE');
  if (r.data.rayonKm !== undefined && !r.data.communes?.length) {
    throw badRequest('PARAMETRE_INVALIDE', 'Le rayon s’applique autour de communes : indiquez « communes ».', [{ field: 'rayonKm', message: 'communes requises' }]);
  }
  return r.data;
}

/** Offers of the portal: search (visitor or demandeur), and applying (R-LIMIT, R-ELIG, R-INLI). */
export function offresRouter(ctx: AppContext) {
  const r = Router();

  r.get('/', optionalDemandeur(ctx), async (req, res) => {
    const q = lireQuery(req);
    const now = ctx.clock.now();
    const em = req.em!;
    const communes = q.communes ?? [];
    await communesConnues(em, communes, 'communes');
    let eligibilite: CritereEligibilite | null = null;
    if (req.demandeur) {
      const d = await demandeOuverte(em, req.demandeur.id);
      if (d && d.statut === 'complete') eligibilite = { demande: demandeRules(d), justificatifs: await justificatifsActifs(em, d.id) };
    }
    const [debut, finDemandee] = q.range ?? [0, 24];
    const fin = Math.min(finDemandee, debut + MAX_PAGE - 1);
    const out = await rechercherOffres(em, { communes, rayonKm: q.rayonKm ?? 0, nature: q.nature, forme: q.forme, debut, fin, eligibilite }, now);
    res.setHeader('Content-Range', contentRange('offres', debut, out.rows.length, out.total));
    res.setHeader('X-Offres-Eligibles', eligibilite ? 'oui' : 'non');
    res.json(out.rows);
  });

  r.get('/:id', async (req, res) => {
    const id = parseId(req.params.id);
    const em = ctx.orm.em.fork();
    if (!(await offrePubliee(em, id, ctx.clock.now()))) throw notFound('Cette offre n’existe pas ou n’est plus publiée.');
    const rows = await em.execute(
      `select o.id, o.reference, o.titre, o.nature, o.forme, o.typologie, o.surface, o.surface_min as "surfaceMin", o.surface_max as "surfaceMax",
              o.loyer, o.loyer_min as "loyerMin", o.loyer_max as "loyerMax", o.commune, o.code_insee as "codeInsee", o.code_postal as "codePostal",
              o.departement, o.reglementation, o.plafonds, o.nombre_logements as "nombreLogements", o.debut_publication as "debutPublication",
              o.fin_publication as "finPublication", b.nom as bailleur, b.est_inli as "estInli", p.nom as programme
         from offre o join bailleur b on b.id = o.bailleur_id left join programme p on p.id = o.programme_id where o.id = ?`,
      [id],
    );
    res.json(rows[0]);
  });

  r.post('/:id/candidater', requireDemandeur(ctx), async (req, res) => {
    const offreId = parseId(String(req.params.id));
    const demandeurId = demandeurDe(req).id;
    const c = await req.em!.transactional((tx) => creerCandidature(tx, { demandeurId, offreId, origine: 'portail' }, ctx.clock.now(), { ip: req.ip }));
    res.status(201).json(c);
  });
  return r;
}
