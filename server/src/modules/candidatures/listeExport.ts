import { Router } from 'express';
import type { StatutCandidature } from '@shared/domain/enums';
import { LIBELLES_STATUT } from '@shared/rules/candidature';
import type { AppContext } from '@server/context';
import { lecture } from '@server/db/lecture';
import { HttpProblem } from '@server/http/problem';
import { ipDe, limiter, REGLES } from '@server/http/rateLimit';
import { parseListParams } from '@server/http/listQuery';
import { fromMinimal, readableFields, whereClause } from '@server/http/simpleRest';
import { audit } from '@server/modules/audit-events/audit';
import { parCurseur } from '@server/modules/exports/curseur';
import { FeuilleXlsx, heureParis, type Cellule, type Colonne } from '@server/modules/exports/xlsx';
import { tracerLecture } from '@server/modules/traces/tracer';
import { decrireRoute } from '@server/openapi/registry';
import { candidatures } from './candidatures.resource';

/** Past this, narrow the filter: a list export is a working list, not the bailleurs' or entreprises' exports. */
export const EXPORT_LISTE_MAX = 50_000;

/** The columns, each shown only when the caller may read its field (CASL field rules, as the list). */
const COLONNES: { champ: string; colonne: Colonne; valeur?: (v: unknown) => Cellule }[] = [
  { champ: 'reference', colonne: { entete: 'Référence', largeur: 18 } },
  { champ: 'statut', colonne: { entete: 'Statut', largeur: 20 }, valeur: (v) => LIBELLES_STATUT[v as StatutCandidature] ?? String(v) },
  { champ: 'dateCandidature', colonne: { entete: 'Date de candidature', largeur: 18, format: 'dd/mm/yyyy hh:mm' }, valeur: (v) => heureParis(v as Date) },
  { champ: 'demandeurNom', colonne: { entete: 'Nom', largeur: 20 } },
  { champ: 'demandeurPrenom', colonne: { entete: 'Prénom', largeur: 18 } },
  { champ: 'departement', colonne: { entete: 'Département', largeur: 12 } },
  { champ: 'offreReference', colonne: { entete: 'Offre', largeur: 18 } },
  { champ: 'offreTitre', colonne: { entete: 'Titre de l’offre', largeur: 40 } },
  { champ: 'palier', colonne: { entete: 'Palier', largeur: 8 } },
];

decrireRoute({
  method: 'get', path: '/api/candidatures/export.xlsx', auth: 'agent',
  summary: 'La liste filtrée des candidatures en XLSX (mêmes filtre et tri que la liste ; journalisé)',
  description: `Mêmes paramètres \`filter\` et \`sort\` que GET /api/candidatures, bornés au périmètre de l’agent ; ${EXPORT_LISTE_MAX.toLocaleString('fr-FR')} lignes au plus (au-delà : 422 LISTE_TROP_LONGUE, affinez le filtre). Lu par curseur et écrit en flux ; l’export est journalisé (\`export_liste\`) avec son filtre et son nombre de lignes.`,
  reponse: { fichier: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  problemes: { 400: ['FILTRE_INVALIDE', 'TRI_INVALIDE'], 403: ['INTERDIT'], 422: ['LISTE_TROP_LONGUE'], 429: ['TROP_DE_REQUETES'] },
});

/** Issue #15: « Exporter » on the candidatures list: what the filters show, as a spreadsheet. */
export function listeExportRouter(ctx: AppContext) {
  const r = Router();
  // Counted with the export requests (POST /api/exports): the same spreadsheet work, the same limits.
  r.get('/export.xlsx', limiter(ctx, REGLES.exportIp, ipDe), limiter(ctx, REGLES.exportAgent, (req) => req.agent?.id), async (req, res) => {
    const now = ctx.clock.now();
    const { sort, filter } = parseListParams(req.query as Record<string, unknown>, candidatures);
    const where = whereClause(req, candidatures, 'read', filter, now);
    const lisibles = readableFields(req, candidatures);
    const colonnes = COLONNES.filter((c) => lisibles.includes(c.champ));
    const expr = candidatures.fields[sort[0]];
    const order = expr && !/\{\{(now|agent)\}\}/.test(expr) && !candidatures.sorts?.[sort[0]]
      ? `(${expr}) ${sort[1]} nulls last, c.id ${sort[1]}`
      : 'c.date_candidature desc, c.id desc';
    const from = fromMinimal(candidatures, `${where.sql} ${order}`);
    const [{ n }] = await lecture(req.em!).execute<{ n: number }[]>(
      `select count(*)::int as n from (select 1 from ${from} where ${where.sql} limit ${EXPORT_LISTE_MAX + 1}) x`, where.params);
    if (n > EXPORT_LISTE_MAX) {
      throw new HttpProblem(422, 'LISTE_TROP_LONGUE', `Cette liste compte plus de ${EXPORT_LISTE_MAX.toLocaleString('fr-FR')} candidatures : affinez les filtres avant d’exporter.`);
    }
    await req.em!.fork().transactional(async (tx) => {
      audit(tx, {
        at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'export_liste', entite: 'candidature', entiteId: null,
        details: { filtre: filter, tri: sort, lignes: n }, ip: req.ip,
      });
      await tx.flush();
    });
    await tracerLecture(req, ctx, 'candidatures', { filtre: { ...filter, format: 'xlsx' }, nombre: n }); // DATA-TRACES
    res.status(200);
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    res.setHeader('Content-Disposition', `attachment; filename="candidatures-${now.toISOString().slice(0, 10)}.xlsx"`);
    const xlsx = new FeuilleXlsx(res, 'Candidatures', colonnes.map((c) => c.colonne));
    const select = colonnes.map((c) => `${candidatures.fields[c.champ]} as "${c.champ}"`).join(', ');
    await parCurseur<Record<string, unknown>>(req.em!, `select ${select} from ${candidatures.from} where ${where.sql} order by ${order}`, where.params, 1000, (lot) =>
      xlsx.ajouterLot(lot.map((ligne) => colonnes.map((c) => (c.valeur ? c.valeur(ligne[c.champ]) : (ligne[c.champ] as Cellule))))),
    );
    await xlsx.terminer();
  });
  return r;
}
