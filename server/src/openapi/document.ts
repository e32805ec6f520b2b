/**
 * The OpenAPI 3.1 document of the whole API, generated from the route descriptions
 * (./registry.ts, written next to each router with the zod schemas it validates with) and from
 * the simple-rest resource definitions (./ressources.ts). Built once per process, on first use.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z, type ZodType } from 'zod';
import { RESOURCE_DEFS } from '@server/http/resources';
import { cleRoute, estLigneRef, routesDecrites, type Auth, type Reponse, type RouteDecrite } from './registry';
import { routesSimpleRest, schemaFiltre, schemaLigne } from './ressources';

type Document = ReturnType<OpenApiGeneratorV31['generateDocument']>;

const probleme = z
  .object({
    type: z.string().meta({ description: 'URI du type de problème' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().meta({ description: 'Explication en français, pour l’utilisateur' }),
    code: z.string().meta({ description: 'Code stable (MAJUSCULES_SOULIGNEES) : c’est lui qu’un client teste' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional().meta({ description: 'Champs refusés' }),
  })
  .meta({ description: 'Erreur RFC 9457 (application/problem+json)' });

const SECURITE: Record<Auth, Record<string, string[]>[]> = {
  agent: [{ agentCookie: [] }, { agentBearer: [] }],
  demandeur: [{ demandeurCookie: [] }, { demandeurBearer: [] }],
  'demandeur-sans-cgu': [{ demandeurCookie: [] }, { demandeurBearer: [] }],
  'demandeur-optionnel': [{}, { demandeurCookie: [] }, { demandeurBearer: [] }],
  bailleur: [{ bailleurCookie: [] }],
  'bailleur-lien': [{ bailleurLien: [] }],
  public: [],
};
const PROBLEMES_AUTH: Record<Auth, Record<number, string[]>> = {
  agent: { 401: ['NON_AUTHENTIFIE'], 403: ['INTERDIT'] },
  demandeur: { 401: ['NON_AUTHENTIFIE'], 403: ['CGU_A_ACCEPTER'] },
  'demandeur-sans-cgu': { 401: ['NON_AUTHENTIFIE'] },
  'demandeur-optionnel': { 401: ['NON_AUTHENTIFIE'], 403: ['CGU_A_ACCEPTER'] },
  bailleur: { 401: ['NON_AUTHENTIFIE'], 410: ['LIEN_EXPIRE', 'LIEN_REVOQUE'], 429: ['TROP_DE_REQUETES'] },
  'bailleur-lien': { 401: ['LIEN_INVALIDE'], 403: ['ORIGINE_REFUSEE'], 410: ['LIEN_EXPIRE', 'LIEN_REVOQUE'], 429: ['TROP_DE_REQUETES'] },
  public: {},
};
const LIBELLES: Record<number, string> = {
  200: 'Succès', 201: 'Créé', 202: 'Accepté', 204: 'Fait, sans contenu', 400: 'Requête invalide', 401: 'Authentification requise',
  403: 'Action non autorisée', 404: 'Introuvable (ou hors de votre périmètre)', 409: 'Refusé par les règles', 410: 'Expiré', 413: 'Trop volumineux',
  415: 'Type de fichier non accepté', 422: 'Impossible à traiter', 429: 'Trop de requêtes', 500: 'Erreur interne', 503: 'Service indisponible',
};

/**
 * What any route may answer whatever it does (http/input.ts refuserEntreesHostiles, http/problem.ts
 * errorHandler and problemeBase): a NUL character in the URL, a bounded wait on the database that ran
 * out or the database out of reach (each with `Retry-After`), an unexpected error.
 */
const PROBLEMES_TOUTES: Record<number, string[]> = { 400: ['CARACTERE_INTERDIT'], 500: ['ERREUR_INTERNE'] };
const PROBLEMES_BASE: Record<number, string[]> = { 503: ['SERVICE_OCCUPE', 'VERROU_INDISPONIBLE', 'DELAI_DEPASSE', 'BASE_INDISPONIBLE'] };

/** Every problem code a route may answer, by status: the route's own and those its shape implies. */
export function problemesDe(r: RouteDecrite): Record<number, string[]> {
  const out: Record<number, Set<string>> = {};
  const ajouter = (status: number, codes: string[]) => codes.forEach((c) => (out[status] ??= new Set()).add(c));
  for (const [s, c] of Object.entries(PROBLEMES_AUTH[r.auth])) ajouter(Number(s), c);
  for (const [s, c] of Object.entries(PROBLEMES_TOUTES)) ajouter(Number(s), c);
  if (!r.sansBase) for (const [s, c] of Object.entries(PROBLEMES_BASE)) ajouter(Number(s), c);
  if (/\{id\}/.test(r.path)) ajouter(404, ['INTROUVABLE']);
  // http/entetes.ts verifierOrigine: a cookie-borne write from another site; a deadlock or a serialization failure (40P01, 40001)
  if (r.method !== 'get') ajouter(403, ['ORIGINE_REFUSEE']), ajouter(409, ['CONFLIT_CONCURRENT']);
  if (r.body) ajouter(400, ['VALIDATION', 'JSON_INVALIDE', 'CORPS_TROP_PROFOND', 'CORPS_TROP_COMPLEXE']), ajouter(413, ['TROP_VOLUMINEUX']);
  if (r.query || r.multipart) ajouter(400, ['VALIDATION']);
  if (r.reponse?.status && r.reponse.status >= 400) ajouter(r.reponse.status, r.reponse.status === 403 ? ['INTERDIT'] : ['INTROUVABLE']);
  for (const [s, c] of Object.entries(r.problemes ?? {})) ajouter(Number(s), c ?? []);
  return Object.fromEntries(Object.entries(out).map(([s, c]) => [s, [...c].sort()]));
}

function reponseSucces(rep: Reponse, schemaDe: (r: Reponse) => ZodType | undefined): ResponseConfig {
  const status = rep.status ?? 200;
  const config: ResponseConfig = { description: rep.description ?? LIBELLES[status] ?? 'Succès' };
  const schema = schemaDe(rep);
  if (schema) config.content = { 'application/json': { schema } };
  if (rep.fichier) config.content = Object.fromEntries(rep.fichier.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }]));
  if (rep.entetes) config.headers = Object.fromEntries(Object.entries(rep.entetes).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }]));
  return config;
}

function versRouteConfig(r: RouteDecrite, schemaDe: (rep: Reponse) => ZodType | undefined): RouteConfig {
  const params = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const responses: RouteConfig['responses'] = {};
  for (const rep of [r.reponse ?? {}, ...(r.autresReponses ?? [])]) {
    if ((rep.status ?? 200) < 400) responses[String(rep.status ?? 200)] = reponseSucces(rep, schemaDe);
  }
  for (const [status, codes] of Object.entries(problemesDe(r))) {
    responses[status] = {
      description: `${LIBELLES[Number(status)] ?? 'Erreur'} : ${codes.join(', ')}`,
      content: { 'application/problem+json': { schema: { allOf: [{ $ref: '#/components/schemas/Probleme' }, { type: 'object', properties: { code: { enum: codes } } }] } } },
    };
  }
  const tag = r.path.split('/')[2];
  return {
    method: r.method,
    path: r.path,
    operationId: `${r.method}${r.path.replace(/^\/api/, '').replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: r.summary,
    description: [r.roles ? `Rôles : ${r.roles}.` : '', r.description ?? ''].filter(Boolean).join('\n\n') || undefined,
    tags: r.tags ?? [tag],
    security: SECURITE[r.auth],
    request: {
      params: params.length ? z.object(Object.fromEntries(params.map((p) => [p, p === 'id' ? z.coerce.number().int().positive() : z.string()]))) : undefined,
      query: r.query,
      body: r.body
        ? { required: true, content: { 'application/json': { schema: r.body } } }
        : r.multipart
          ? { required: true, content: { 'multipart/form-data': { schema: r.multipart } } }
          : r.corpsFichier
            ? { required: true, content: Object.fromEntries(r.corpsFichier.map((t) => [t, { schema: { type: 'string', contentMediaType: t } }])) }
            : undefined,
    },
    responses,
  };
}

const DESCRIPTION = `API JSON du back-office (console des agents) et du portail des demandeurs (\`/api/portail\`).

- Dates en ISO 8601 UTC. Listes au format ra-data-simple-rest : \`sort\`, \`range\`, \`filter\`, en-tête \`Content-Range\`.
- Erreurs \`application/problem+json\` (RFC 9457) avec un \`code\` stable : 400 données invalides, 401 non connecté, 403 non autorisé,
  404 inconnu ou hors périmètre, 409 refusé par les règles (avec le code de la règle), 413 trop volumineux, 415 type de fichier, 429 trop de requêtes.
- Agents : cookie \`als_session\` (httpOnly, SameSite=Strict) ou \`Authorization: Bearer <jeton>\` obtenu par \`POST /api/auth/login\`.
- Demandeurs : cookie \`als_portail\` ou \`Authorization: Bearer <jeton>\` obtenu par \`POST /api/portail/connexion\`.
- Bailleurs (page du lien reçu par courriel, \`/api/bailleur\`) : le jeton du lien en \`Authorization: Bearer\` sur \`POST /api/bailleur/session\`, puis le cookie \`als_bailleur\`.
- Toute écriture portée par un cookie et venant d’un autre site est refusée (403 \`ORIGINE_REFUSEE\`).`;

/** Builds the document: the routes described by the routers, then the simple-rest resources (unless a router describes the same route). */
export async function construireDocument(orm: MikroORM, version = '1.0.0'): Promise<Document> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'agentCookie', { type: 'apiKey', in: 'cookie', name: 'als_session', description: 'Session d’agent (console)' });
  registry.registerComponent('securitySchemes', 'agentBearer', { type: 'http', scheme: 'bearer', description: 'Jeton d’agent de POST /api/auth/login' });
  registry.registerComponent('securitySchemes', 'demandeurCookie', { type: 'apiKey', in: 'cookie', name: 'als_portail', description: 'Session de demandeur (portail)' });
  registry.registerComponent('securitySchemes', 'demandeurBearer', { type: 'http', scheme: 'bearer', description: 'Jeton de demandeur de POST /api/portail/connexion' });
  registry.registerComponent('securitySchemes', 'bailleurCookie', { type: 'apiKey', in: 'cookie', name: 'als_bailleur', description: 'Session de la page bailleur (après POST /api/bailleur/session)' });
  registry.registerComponent('securitySchemes', 'bailleurLien', { type: 'http', scheme: 'bearer', description: 'Jeton du lien reçu par courriel par le bailleur (échangé contre une session)' });

  const lignesZod = new Map<string, ZodType>();
  for (const def of RESOURCE_DEFS) lignesZod.set(def.name, await schemaLigne(orm, def));
  const schemaDe = (rep: Reponse): ZodType | undefined => {
    if (!rep.json) return undefined;
    if (!estLigneRef(rep.json)) return rep.json;
    const s = lignesZod.get(rep.json.ressource);
    if (!s) throw new Error(`OpenAPI: ressource ${rep.json.ressource} inconnue`);
    return rep.json.liste ? z.array(s) : s;
  };

  const decrites = routesDecrites();
  const manuelles = new Set(decrites.map((r) => cleRoute(r.method, r.path)));
  for (const r of decrites) registry.registerPath(versRouteConfig(r, schemaDe));
  for (const def of RESOURCE_DEFS) {
    for (const r of routesSimpleRest(def)) {
      if (manuelles.has(cleRoute(r.method, r.path))) continue;
      const config = versRouteConfig(r, schemaDe);
      if (r.method === 'get' && !r.path.endsWith('{id}')) config.parameters = parametresListe(def);
      registry.registerPath(config);
    }
  }
  const { $schema: _dialect, ...schemaProbleme } = z.toJSONSchema(probleme);
  // zod's JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1); its typings are wider than the generator's.
  registry.registerComponent('schemas', 'Probleme', schemaProbleme as Parameters<typeof registry.registerComponent<'schemas'>>[2]);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Plateforme logement — API du back-office', version, description: DESCRIPTION },
    servers: [{ url: '/' }],
  });
}

function parametresListe(def: (typeof RESOURCE_DEFS)[number]) {
  return [
    { name: 'sort', in: 'query' as const, description: 'JSON `["champ","ASC"|"DESC"]`', content: { 'application/json': { schema: { type: 'array', prefixItems: [{ type: 'string' }, { enum: ['ASC', 'DESC'] }] } } } },
    { name: 'range', in: 'query' as const, description: 'JSON `[début, fin]` (inclus, 100 lignes au plus)', content: { 'application/json': { schema: { type: 'array', prefixItems: [{ type: 'integer', minimum: 0 }, { type: 'integer', minimum: 0 }] } } } },
    { name: 'filter', in: 'query' as const, description: 'JSON : filtres ET-és avec le périmètre du rôle', content: { 'application/json': { schema: schemaFiltre(def) } } },
  ];
}

let memo: { orm: MikroORM; doc: Promise<Document> } | null = null;
/** The document of this process (built on first use; the schemas do not change while it runs). */
export function documentOpenApi(orm: MikroORM): Promise<Document> {
  if (memo?.orm !== orm) memo = { orm, doc: construireDocument(orm) };
  memo.doc.catch(() => (memo = null));
  return memo.doc;
}

/** Every route the document describes: "METHOD /path" (the coverage test compares them with Express). */
export function clesDecrites(): string[] {
  const cles = new Set(routesDecrites().map((r) => cleRoute(r.method, r.path)));
  for (const def of RESOURCE_DEFS) for (const r of routesSimpleRest(def)) cles.add(cleRoute(r.method, r.path));
  return [...cles].sort();
}
