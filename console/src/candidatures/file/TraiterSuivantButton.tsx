import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, useNotify, type SortPayload } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { postJson } from '@console/data/httpClient';
import { FILE_TRI_DEFAUT, useFileStockee } from './fileStockee';

/**
 * Issue #15: « Traiter le suivant » — the server takes the first free dossier still to instruct in
 * the agent's scope, under the queue's filter and in the order the queue shows (its sort sent as
 * `ordre`: POST /api/candidatures/suivant, `FOR UPDATE SKIP LOCKED`), and its page opens.
 */
export function TraiterSuivantButton({ filter = {}, sort = FILE_TRI_DEFAUT }: { filter?: Record<string, unknown>; sort?: SortPayload }) {
  const peut = useCan('prendre', 'candidatures');
  const navigate = useNavigate();
  const notify = useNotify();
  const [attente, setAttente] = useState(false);
  if (!peut) return null;
  const suivant = async () => {
    setAttente(true);
    try {
      const { candidature } = await postJson<{ candidature: { id: number } | null }>('/candidatures/suivant', { filter, ordre: [sort.field, sort.order] });
      if (candidature) navigate(`/candidatures/${candidature.id}/show`);
      else notify('app.traitement.file.aucunSuivant', { type: 'info' });
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    } finally {
      setAttente(false);
    }
  };
  return (
    <Button label="app.traitement.file.traiterSuivant" variant="contained" onClick={suivant} disabled={attente}>
      <PlayArrowIcon />
    </Button>
  );
}

/** On a dossier: the next one of the queue as the agent left it (its filters and its sort, from the store). */
export function TraiterSuivantFile() {
  const { filter, sort } = useFileStockee();
  return <TraiterSuivantButton filter={filter} sort={sort} />;
}
