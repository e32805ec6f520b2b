import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Button, useNotify } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { postJson } from '@console/data/httpClient';

/**
 * Issue #15: « Traiter le suivant » — the server takes the best-ranked free dossier still to instruct
 * in the agent's scope and the queue's filter (offer by offer, oldest offer first, rank within:
 * POST /api/candidatures/suivant, `FOR UPDATE SKIP LOCKED`), and its page opens.
 */
export function TraiterSuivantButton({ filter = {} }: { filter?: Record<string, unknown> }) {
  const peut = useCan('prendre', 'candidatures');
  const navigate = useNavigate();
  const notify = useNotify();
  const [attente, setAttente] = useState(false);
  if (!peut) return null;
  const suivant = async () => {
    setAttente(true);
    try {
      const { candidature } = await postJson<{ candidature: { id: number } | null }>('/candidatures/suivant', { filter });
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
