import FlagIcon from '@mui/icons-material/OutlinedFlag';
import { useState } from 'react';
import { Button, useNotify, useTranslate, type Identifier } from 'react-admin';
import { MotifDialog } from '@console/candidatures/actions/MotifDialog';
import { postJson } from '@console/data/httpClient';

const MOTIF_MIN = 10;

/**
 * Issue #15: « Signaler au contrôle fraude » from the dossier page, with a motif (POST
 * /api/candidatures/:id/signaler-fraude). Contrôle fraude reads the motif; the demandeur is never told.
 */
export function SignalerFraudeButton({ candidatureId }: { candidatureId: Identifier }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [ouvert, setOuvert] = useState(false);
  const [envoi, setEnvoi] = useState(false);
  const signaler = async ({ motif }: { motif?: string }) => {
    setEnvoi(true);
    try {
      const r = await postJson<{ signalementId: number }>(`/candidatures/${candidatureId}/signaler-fraude`, { motif });
      notify('app.fraude.signaler.fait', { type: 'success', messageArgs: { id: r.signalementId } });
      setOuvert(false);
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    } finally {
      setEnvoi(false);
    }
  };
  return (
    <>
      <Button label="app.fraude.signaler.bouton" onClick={() => setOuvert(true)}>
        <FlagIcon />
      </Button>
      <MotifDialog
        open={ouvert}
        title={translate('app.fraude.signaler.titre')}
        help={translate('app.fraude.signaler.aide')}
        motif
        motifLabel={translate('app.fraude.signaler.motif')}
        motifAide={translate('app.fraude.signaler.motifAide', { min: MOTIF_MIN })}
        motifMin={MOTIF_MIN}
        pending={envoi}
        confirmLabel={translate('app.fraude.signaler.confirmer')}
        onConfirm={signaler}
        onClose={() => setOuvert(false)}
      />
    </>
  );
}
