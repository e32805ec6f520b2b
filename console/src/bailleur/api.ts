/**
 * The bailleur page's calls to /api/bailleur: same-origin, the session cookie (httpOnly, scoped to
 * that path) and the page's own header on every call (the server refuses writes without it: CSRF).
 * The link's token is sent once, in a header, never in a URL.
 */
import type { CorpsDecisionBailleur, DecisionEnregistree, ListeBailleur, RapportTableau, SessionBailleur } from '@shared/api/bailleurs';

export const BASE = '/api/bailleur';

/** A refusal of the API in French (problem+json `detail`), with its code and field errors. */
export class ErreurApi extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly champs: Record<string, string> = {},
  ) {
    super(message);
  }
}

async function appel<T>(chemin: string, init: RequestInit = {}): Promise<T> {
  let r: Response;
  try {
    r = await fetch(`${BASE}${chemin}`, { credentials: 'same-origin', ...init, headers: { 'X-ALS-Bailleur': '1', ...(init.headers ?? {}) } });
  } catch {
    throw new ErreurApi(0, 'RESEAU', 'Le service est injoignable : vérifiez votre connexion puis réessayez.');
  }
  if (r.status === 204) return undefined as T;
  const corps = await r.json().catch(() => null);
  if (!r.ok) {
    const champs = Object.fromEntries(((corps?.errors ?? []) as { field: string; message: string }[]).map((e) => [e.field, e.message]));
    throw new ErreurApi(r.status, corps?.code ?? 'ERREUR', corps?.detail ?? 'Une erreur est survenue. Réessayez dans un instant.', champs);
  }
  return corps as T;
}

export const api = {
  ouvrir: (jeton: string) => appel<SessionBailleur>('/session', { method: 'POST', headers: { Authorization: `Bearer ${jeton}` } }),
  session: () => appel<SessionBailleur>('/session'),
  fermer: () => appel<void>('/session', { method: 'DELETE' }),
  candidatures: () => appel<ListeBailleur>('/candidatures'),
  decider: (id: number, corps: CorpsDecisionBailleur) =>
    appel<DecisionEnregistree>(`/candidatures/${id}/decision`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(corps) }),
  televerser: (fichier: Blob) =>
    appel<RapportTableau>('/tableau', { method: 'POST', headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, body: fichier }),
};

export const urlDossier = (id: number) => `${BASE}/candidatures/${id}/dossier`;
export const URL_TABLEAU = `${BASE}/tableau`;
