import type { Query } from '@tanstack/react-query';
import type { RaRecord } from 'react-admin';

const EN_COURS = ['en_attente', 'en_cours'];
export const POLL_MS = 2000;
const enCours = (r: RaRecord | undefined) => !!r && EN_COURS.includes(String(r.statut));

/** react-query refetchInterval: every 2 s while an export of the page is waiting or running, else off. */
export function pollListeSiEnCours<T extends { data?: RaRecord[] }>(query: Query<T, Error, T, readonly unknown[]>): number | false {
  return query.state.data?.data?.some(enCours) ? POLL_MS : false;
}

export function pollFicheSiEnCours<T extends RaRecord>(query: Query<T, Error, T, readonly unknown[]>): number | false {
  return enCours(query.state.data) ? POLL_MS : false;
}
