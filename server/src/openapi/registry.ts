/**
 * The HTTP contract, described route by route next to the code: `/api/openapi.json` (OpenAPI 3.1,
 * built by ./document.ts) and `/api/docs` (agents only) come from here. A test lists every route
 * Express knows and fails when one has no description here, or a description has no route
 * (test/api/openapi/couverture.test.ts).
 *
 * To describe a route, call `decrireRoute` at the top level of its router file, with the zod
 * schemas the route validates with:
 *
 *   decrireRoute({
 *     method: 'post', path: '/api/candidatures/{id}/designer', auth: 'agent',
 *     summary: 'Désigner la candidature au bailleur',
 *     body: corpsAction,                          // the schema parseBody uses
 *     reponse: { json: ligne('candidatures') },   // a simple-rest row, or any zod schema
 *     problemes: { 409: ['TRANSITION_INTERDITE', 'PIECES_NON_VALIDEES'] },
 *   });
 *
 * Added for you: the `{id}` parameter (integer) and its 404 INTROUVABLE, 400 VALIDATION when there
 * is a body or a query, 401 NON_AUTHENTIFIE and 403 INTERDIT (agents) or CGU_A_ACCEPTER
 * (demandeurs), 403 ORIGINE_REFUSEE and 409 CONFLIT_CONCURRENT on every write (cross-site check,
 * deadlock), 400 CORPS_TROP_PROFOND/CORPS_TROP_COMPLEXE with a body, and on every route 400
 * CARACTERE_INTERDIT, 500 ERREUR_INTERNE and the 503s of a busy or unreachable database
 * (SERVICE_OCCUPE, VERROU_INDISPONIBLE, DELAI_DEPASSE, BASE_INDISPONIBLE), and the security schemes
 * of `auth`. List in `problemes` only the route's own codes (429 TROP_DE_REQUETES when the route
 * has a `limiter`).
 * The simple-rest resources (RESOURCE_DEFS) are described from their definition: nothing to do.
 */
import type { ZodObject, ZodPipe, ZodType } from 'zod';
import type { ResourceName } from '@shared/domain/enums';

export type Methode = 'get' | 'post' | 'put' | 'delete' | 'patch';

/**
 * Who may call: `agent` (console session: cookie als_session or Bearer), `demandeur` (portal
 * session, CGU in force accepted), `demandeur-sans-cgu` (portal session, CGU not needed),
 * `demandeur-optionnel` (visitor, or a demandeur whose token must then be valid), `bailleur` (the
 * bailleur page's session: cookie als_bailleur), `bailleur-lien` (the mailed link's token as
 * Bearer, exchanged for that session), `public`.
 */
export type Auth = 'agent' | 'demandeur' | 'demandeur-sans-cgu' | 'demandeur-optionnel' | 'bailleur' | 'bailleur-lien' | 'public';

/** A row of a simple-rest resource (its schema comes from the resource's definition). */
export interface LigneRef {
  ressource: ResourceName;
  liste: boolean;
}
export const ligne = (ressource: ResourceName): LigneRef => ({ ressource, liste: false });
export const lignes = (ressource: ResourceName): LigneRef => ({ ressource, liste: true });
export const estLigneRef = (x: unknown): x is LigneRef => typeof x === 'object' && x !== null && 'ressource' in x && 'liste' in x;

export interface Reponse {
  /** Default 200 (201/202/204 when the route says so). */
  status?: number;
  description?: string;
  /** JSON body: a zod schema, or a simple-rest row (`ligne('offres')`, `lignes('offres')`). */
  json?: ZodType | LigneRef;
  /** A file: its media types (`['application/pdf']`). */
  fichier?: string[];
  /** Response headers worth knowing (Content-Range…): name → description. */
  entetes?: Record<string, string>;
}

export interface RouteDecrite {
  method: Methode;
  /** OpenAPI form, from the root: `/api/portail/offres/{id}/candidater`. */
  path: string;
  /** One line, in French (the reference is read by French-speaking integrators). */
  summary: string;
  description?: string;
  /** Default: the first segment after /api (`candidatures`, `portail`). */
  tags?: string[];
  auth: Auth;
  /** Who among agents may call, in words ("managers et administrateurs"). */
  roles?: string;
  query?: ZodObject | ZodPipe;
  /** JSON body, as validated. */
  body?: ZodType;
  /** multipart/form-data body: one property per field (files as `z.string().meta({ format: 'binary' })`). */
  multipart?: ZodType;
  /** A raw file as the body: its media types (`['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']`). */
  corpsFichier?: string[];
  reponse?: Reponse;
  /** Other answers on success (a PUT that creates answers 201…). */
  autresReponses?: Reponse[];
  /** The route never uses the app's database pool (the health probe): no 503 of a busy or unreachable database. */
  sansBase?: boolean;
  /** The route's own problem codes, by HTTP status. */
  problemes?: Partial<Record<number, string[]>>;
}

const routes = new Map<string, RouteDecrite>();
export const cleRoute = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Describes one route (call it at the top level of the router's file). */
export function decrireRoute(r: RouteDecrite): void {
  if (!/^\/api(\/[\w.{}-]+)*$/.test(r.path)) throw new Error(`OpenAPI: chemin invalide ${r.path}`);
  const cle = cleRoute(r.method, r.path);
  if (routes.has(cle)) throw new Error(`OpenAPI: ${cle} est décrite deux fois`);
  routes.set(cle, r);
}

/** The routes described by the routers (the simple-rest ones are added by ./resources.ts). */
export function routesDecrites(): RouteDecrite[] {
  return [...routes.values()];
}
