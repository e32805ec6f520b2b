import type { ErrorRequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { DriverException, ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';
import { idRequete } from './journal';

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem with a stable UPPER_SNAKE `code`; thrown by any layer, answered by one handler. */
export class HttpProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly detail: string,
    public readonly errors?: FieldError[],
    public readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }
}

const TITLES: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Action non autorisée',
  404: 'Introuvable',
  405: 'Méthode non autorisée',
  409: 'Refusé par les règles',
  410: 'Lien expiré',
  413: 'Contenu trop volumineux',
  415: 'Type de fichier non accepté',
  422: 'Demande impossible à traiter',
  429: 'Trop de tentatives',
  500: 'Erreur interne',
  503: 'Service momentanément indisponible',
};

export const badRequest = (code: string, detail: string, errors?: FieldError[]) => new HttpProblem(400, code, detail, errors);
export const forbidden = (detail = 'Votre rôle ne permet pas cette action.') => new HttpProblem(403, 'INTERDIT', detail);
export const notFound = (detail = 'Cette ressource est introuvable.') => new HttpProblem(404, 'INTROUVABLE', detail);
export const conflict = (code: string, detail: string) => new HttpProblem(409, code, detail);

export function sendProblem(res: Response, p: HttpProblem) {
  if (p.headers) for (const [k, v] of Object.entries(p.headers)) res.setHeader(k, v);
  const id = idRequete(res.req); // the same id as the log line and X-Request-Id
  res
    .status(p.status)
    .type('application/problem+json')
    .json({
      type: `https://als.example/problemes/${p.code.toLowerCase().replaceAll('_', '-')}`,
      title: TITLES[p.status] ?? 'Erreur',
      status: p.status,
      detail: p.detail,
      code: p.code,
      ...(id ? { instance: `urn:uuid:${id}` } : {}),
      ...(p.errors ? { errors: p.errors } : {}),
    });
}

export function zodToProblem(e: ZodError, code = 'VALIDATION'): HttpProblem {
  const errors = e.issues.map((i) => ({ field: i.path.join('.') || '(corps)', message: i.message }));
  return badRequest(code, 'Certaines données sont invalides : ' + errors.map((x) => `${x.field} (${x.message})`).join(', '), errors);
}

/** Seconds a client should wait before retrying an answer to a busy or unreachable database. */
export const RETRY_AFTER_BASE = '2';

/**
 * A database error that is not the request's fault and will pass: a bounded wait that ran out (pool,
 * row lock, statement), a lost race PostgreSQL detected (deadlock, serialization), the server out of
 * reach. Read from the SQLSTATE that pg puts in `code` (MikroORM's exceptions copy it) and from
 * knex's pool timeout. Null for anything else.
 */
export function problemeBase(err: unknown): HttpProblem | null {
  if (!err || typeof err !== 'object') return null;
  const e = err as { code?: unknown; name?: unknown; message?: unknown };
  const code = typeof e.code === 'string' ? e.code : '';
  const message = typeof e.message === 'string' ? e.message : '';
  const indisponible = (c: string, detail: string) => new HttpProblem(503, c, detail, undefined, { 'Retry-After': RETRY_AFTER_BASE });
  if (code === '55P03')
    return indisponible('VERROU_INDISPONIBLE', 'Ce dossier est en cours de modification par une autre action : réessayez dans un instant.');
  if (code === '57014') return indisponible('DELAI_DEPASSE', 'La base de données n’a pas répondu à temps : réessayez dans un instant.');
  if (code === '40P01' || code === '40001')
    return conflict('CONFLIT_CONCURRENT', 'Une autre action a modifié les mêmes données au même moment : rechargez, puis recommencez si besoin.');
  if (e.name === 'KnexTimeoutError' || /Timeout acquiring a connection/i.test(message))
    return indisponible('SERVICE_OCCUPE', 'Le service est très sollicité : réessayez dans un instant.');
  // The server shutting down or starting (57P0x), a connection exception (class 08); and, from the ORM only
  // (not the file storage or the mail), a network failure reaching PostgreSQL.
  const reseau = err instanceof DriverException && (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND'].includes(code) || /Connection terminated/i.test(message));
  if (reseau || ['57P01', '57P02', '57P03'].includes(code) || /^08[0-9A-Z]{3}$/.test(code))
    return indisponible('BASE_INDISPONIBLE', 'La base de données est momentanément injoignable : réessayez dans un instant.');
  return null;
}

/** The one error handler: problems as they are; body-parser errors as 400/413; anything else 500 (logged by the request's log line, http/journal.ts). */
export const errorHandler: ErrorRequestHandler = (err, _req, res, _next) => {
  if (err instanceof HttpProblem) return sendProblem(res, err);
  if (err instanceof ZodError) return sendProblem(res, zodToProblem(err));
  if (err instanceof UniqueConstraintViolationException)
    return sendProblem(res, conflict('DEJA_EXISTANT', 'Un enregistrement identique existe déjà (valeur unique en double).'));
  if (err instanceof ForeignKeyConstraintViolationException)
    return sendProblem(res, badRequest('REFERENCE_INCONNUE', 'Une référence à un autre enregistrement est inconnue.'));
  const base = problemeBase(err);
  if (base) {
    if (base.status === 503) (res as Response & { err?: unknown }).err = err; // logged with the request line: an operator wants to see these
    return sendProblem(res, base);
  }
  const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') return sendProblem(res, badRequest('JSON_INVALIDE', 'Le corps de la requête n’est pas un JSON valide.'));
  if (type === 'entity.too.large' || status === 413) return sendProblem(res, new HttpProblem(413, 'TROP_VOLUMINEUX', 'Le contenu envoyé est trop volumineux.'));
  if (status && status >= 400 && status < 500) return sendProblem(res, new HttpProblem(status, 'REQUETE_INVALIDE', 'La requête est invalide.'));
  (res as Response & { err?: unknown }).err = err; // pino-http logs it with the request line (no SQL values: logger.ts)
  return sendProblem(res, new HttpProblem(500, 'ERREUR_INTERNE', 'Une erreur inattendue est survenue. Elle a été consignée.'));
};
