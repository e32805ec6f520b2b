import { HttpError } from 'react-admin';

/** RFC 9457 problem details, as every API error is answered (api.md). */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: { field: string; message: string }[];
}

const isProblem = (body: unknown): body is Problem => typeof body === 'object' && body !== null && ('detail' in body || 'title' in body);

/**
 * Turns an API error into the HttpError react-admin understands: the French `detail` as
 * message (shown in notifications), `code` kept for callers, and field errors in the
 * `{ errors: { field: message } }` shape that react-admin forms display under each input.
 */
export function toHttpError(status: number, statusText: string, body: unknown): HttpError {
  const problem = isProblem(body) ? body : {};
  const message = problem.detail || problem.title || messageForStatus(status, statusText);
  const errors = problem.errors?.length ? fieldErrors(problem.errors, message) : undefined;
  return new HttpError(message, status, errors ? { ...problem, errors } : problem);
}

/**
 * `{field, message}[]` → react-hook-form errors. A body-level error (no field, or `(corps)`)
 * goes to `root.serverError`, which react-admin shows above the form.
 */
function fieldErrors(errors: NonNullable<Problem['errors']>, detail: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const { field, message } of errors) {
    if (!field || field.startsWith('(')) result.root = { serverError: message || detail };
    else result[field] = message;
  }
  return result;
}

function messageForStatus(status: number, statusText: string): string {
  if (status === 0) return 'app.erreurs.reseau';
  if (status >= 500) return 'app.erreurs.serveur';
  return statusText || 'ra.notification.http_error';
}

/** Reads a failed fetch Response into an HttpError (used where fetchUtils is not). */
export async function problemFromResponse(response: Response): Promise<HttpError> {
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (proxy error page…): the status decides the message
  }
  return toHttpError(response.status, response.statusText, body);
}
