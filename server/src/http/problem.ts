import type { ErrorRequestHandler, Response } from 'express';
import { ZodError } from 'zod';
import { ForeignKeyConstraintViolationException, UniqueConstraintViolationException } from '@mikro-orm/core';

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
  429: 'Trop de tentatives',
  500: 'Erreur interne',
};

export const badRequest = (code: string, detail: string, errors?: FieldError[]) => new HttpProblem(400, code, detail, errors);
export const forbidden = (detail = 'Votre rôle ne permet pas cette action.') => new HttpProblem(403, 'INTERDIT', detail);
export const notFound = (detail = 'Cette ressource est introuvable.') => new HttpProblem(404, 'INTROUVABLE', detail);
export const conflict = (code: string, detail: string) => new HttpProblem(409, code, detail);

export function sendProblem(res: Response, p: HttpProblem) {
  if (p.headers) for (const [k, v] of Object.entries(p.headers)) res.setHeader(k, v);
  res
    .status(p.status)
    .type('application/problem+json')
    .json({
      type: `https://als.example/problemes/${p.code.toLowerCase().replaceAll('_', '-')}`,
      title: TITLES[p.status] ?? 'Erreur',
      status: p.status,
      detail: p.detail,
      code: p.code,
      ...(p.errors ? { errors: p.errors } : {}),
    });
}

export function zodToProblem(e: ZodError, code = 'VALIDATION'): HttpProblem {
  const errors = e.issues.map((i) => ({ field: i.path.join('.') || '(corps)', message: i.message }));
  return badRequest(code, 'Certaines données sont invalides : ' + errors.map((x) => `${x.field} (${x.message})`).join(', '), errors);
}

/** The one error handler: problems as they are; body-parser errors as 400/413; anything else 500 (logged). */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpProblem) return sendProblem(res, err);
  if (err instanceof ZodError) return sendProblem(res, zodToProblem(err));
  if (err instanceof UniqueConstraintViolationException)
    return sendProblem(res, conflict('DEJA_EXISTANT', 'Un enregistrement identique existe déjà (valeur unique en double).'));
  if (err instanceof ForeignKeyConstraintViolationException)
    return sendProblem(res, badRequest('REFERENCE_INCONNUE', 'Une référence à un autre enregistrement est inconnue.'));
  const status = (err as { status?: number; statusCode?: number }).status ?? (err as { statusCode?: number }).statusCode;
  const type = (err as { type?: string }).type;
  if (type === 'entity.parse.failed') return sendProblem(res, badRequest('JSON_INVALIDE', 'Le corps de la requête n’est pas un JSON valide.'));
  if (type === 'entity.too.large' || status === 413) return sendProblem(res, new HttpProblem(413, 'TROP_VOLUMINEUX', 'Le contenu envoyé est trop volumineux.'));
  if (status && status >= 400 && status < 500) return sendProblem(res, new HttpProblem(status, 'REQUETE_INVALIDE', 'La requête est invalide.'));
  console.error(`[${req.method} ${req.originalUrl}]`, err);
  return sendProblem(res, new HttpProblem(500, 'ERREUR_INTERNE', 'Une erreur inattendue est survenue. Elle a été consignée.'));
};
