import { useStore, type SortPayload } from 'react-admin';

/** UI-FILE: the queue opens on « À traiter », the longest waiting first. */
export const FILE_TRI_DEFAUT: SortPayload = { field: 'dateCandidature', order: 'ASC' };
export const FILE_FILTRE_DEFAUT = { onglet: 'a_traiter' };

/** What react-admin's List keeps of the queue between pages (`candidatures.listParams`). */
interface ParamsListe {
  filter?: Record<string, unknown>;
  sort?: string;
  order?: 'ASC' | 'DESC';
}

/**
 * The queue as the agent left it (tab, filters, sort), read from react-admin's store: the dossier
 * page's « Traiter le suivant » takes the next one in that queue and that order.
 */
export function useFileStockee(): { filter: Record<string, unknown>; sort: SortPayload } {
  const [params] = useStore<ParamsListe | undefined>('candidatures.listParams');
  return {
    filter: params?.filter ?? FILE_FILTRE_DEFAUT,
    sort: params?.sort ? { field: params.sort, order: params.order ?? 'ASC' } : FILE_TRI_DEFAUT,
  };
}
