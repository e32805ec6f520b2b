import type { Express } from 'express';

export interface RouteExpress {
  method: string;
  /** OpenAPI form: `/api/candidatures/{id}/designer`. */
  path: string;
}

interface Couche {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Couche[] };
}

const openapi = (p: string) => p.replace(/:(\w+)/g, '{$1}').replace(/\/+$/, '') || '/';

/**
 * Every route Express knows under `prefix`: routers are walked recursively (mount path + route
 * path; router 2's layers keep the path they were given as `rawPath`). Middlewares mounted with
 * `use` and no sub-router are not routes; a catch-all (`/{*splat}`) is skipped.
 */
export function routesExpress(app: Express, prefix = '/api'): RouteExpress[] {
  const out = new Map<string, RouteExpress>();
  const parcourir = (stack: Couche[], base: string) => {
    for (const c of stack) {
      if (c.route) {
        for (const p of [c.route.path].flat()) {
          for (const [m, on] of Object.entries(c.route.methods)) {
            if (!on || m === '_all') continue;
            const path = openapi(base + (p === '/' ? '' : p));
            if (path.includes('*')) continue;
            out.set(`${m} ${path}`, { method: m, path });
          }
        }
      } else if (c.handle.stack) {
        for (const p of [c.rawPath ?? '/'].flat()) parcourir(c.handle.stack, base + (p === '/' ? '' : p));
      }
    }
  };
  const racine = (app as unknown as { router: { stack: Couche[] } }).router.stack;
  parcourir(racine, '');
  return [...out.values()].filter((r) => r.path === prefix || r.path.startsWith(`${prefix}/`)).sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}
