import { fetchUtils, HttpError } from 'react-admin';
import { toHttpError } from './problem';

export const API_URL = '/api';

/**
 * fetchUtils.fetchJson with the session cookie on every call, and every failure turned into
 * an HttpError carrying the problem+json `detail` (French) and field errors.
 */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  try {
    return await fetchUtils.fetchJson(url, { ...options, credentials: 'include' });
  } catch (error) {
    if (error instanceof HttpError) throw toHttpError(error.status, error.message, error.body);
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw toHttpError(0, '', null);
  }
}

/** POST a JSON body to an action route and return the parsed answer. */
export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`, { method: 'POST', body: JSON.stringify(body ?? {}) });
  return json as T;
}

export async function getJson<T>(path: string): Promise<T> {
  const { json } = await httpClient(`${API_URL}${path}`);
  return json as T;
}
