import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * One log line per request (pino-http): a request id (UUID, made here — a client's own id is
 * never trusted as ours), echoed in `X-Request-Id` and in problem+json's `instance`
 * (`urn:uuid:<id>`), the method, the path without its query string, the status, the duration,
 * and who asked (agent or demandeur id, never a name). 5xx at `error` with the error, 4xx at
 * `warn`, the rest at `info`; `/api/health` is not logged (probes every few seconds).
 */
export function journalRequetes(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => {
      const id = randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req: IncomingMessage) => (req as Request).originalUrl === '/api/health' },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customProps: (req) => {
      const r = req as Request;
      return { agentId: r.agent?.id, demandeurId: r.demandeur?.id };
    },
    serializers: {
      req: (req: { id: string; method: string; url: string; headers: Record<string, string> }) => ({
        id: req.id,
        method: req.method,
        path: String(req.url).split('?')[0].slice(0, 300),
        userAgent: req.headers?.['user-agent']?.slice(0, 200),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessMessage: (req, res, ms) => `${req.method} ${String((req as Request).originalUrl ?? req.url).split('?')[0].slice(0, 300)} ${res.statusCode} ${Math.round(ms)} ms`,
    customErrorMessage: (req, res) => `${req.method} ${String((req as Request).originalUrl ?? req.url).split('?')[0].slice(0, 300)} ${res.statusCode}`,
  }) as unknown as RequestHandler;
}

/** The id pino-http gave this request (null outside an HTTP request). */
export const idRequete = (req: unknown): string | null => {
  const id = (req as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : null;
};
