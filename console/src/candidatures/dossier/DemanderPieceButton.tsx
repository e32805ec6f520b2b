import { Button } from '@mui/material';
import { useState } from 'react';
import { useNotify, useTranslate, type Identifier } from 'react-admin';
import { MotifDialog } from '@console/candidatures/actions/MotifDialog';
import { MODELES_DEMANDE_PIECE } from '@console/candidatures/actions/modelesMotif';
import type { LigneDossier } from '@console/data/instruction';
import { postJson } from '@console/data/httpClient';
import { useRechargerDossier } from './useDossier';

const MOTIF_MIN = 5;

/**
 * « Demander la pièce » on a missing or refused line of the checklist (issue #15): a motif (templates
 * or free text) and POST /api/candidatures/:id/pieces/demander; the demandeur is told by mail and the
 * line then shows « Demandée le jj/mm/aaaa ». A refusal of the server (already asked, piece just
 * deposited…) stays in the dialog, in French.
 */
export function DemanderPieceButton({ candidatureId, ligne, libelle }: { candidatureId: Identifier; ligne: LigneDossier; libelle: string }) {
  const translate = useTranslate();
  const notify = useNotify();
  const recharger = useRechargerDossier();
  const [ouvert, setOuvert] = useState(false);
  const [envoi, setEnvoi] = useState(false);
  const [alerte, setAlerte] = useState<string | null>(null);
  const ouvrir = () => {
    setAlerte(null);
    setOuvert(true);
  };
  const demander = async ({ motif }: { motif?: string }) => {
    setEnvoi(true);
    try {
      await postJson(`/candidatures/${candidatureId}/pieces/demander`, { type: ligne.type, titulaire: ligne.titulaire, motif });
      notify('app.traitement.pieces.demander.fait', { type: 'success' });
      setOuvert(false);
      await recharger();
    } catch (e) {
      setAlerte(e instanceof Error ? e.message : translate('app.erreurs.serveur'));
      void recharger();
    } finally {
      setEnvoi(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        variant="outlined"
        onClick={ouvrir}
        aria-label={translate('app.traitement.pieces.demander.boutonPour', { piece: libelle })}
        sx={{ flexShrink: 0, whiteSpace: 'nowrap' }}
      >
        {translate('app.traitement.pieces.demander.bouton')}
      </Button>
      <MotifDialog
        open={ouvert}
        title={translate('app.traitement.pieces.demander.titre', { piece: libelle })}
        help={translate('app.traitement.pieces.demander.aide')}
        alert={alerte}
        motif
        modeles={MODELES_DEMANDE_PIECE}
        motifLabel={translate('app.traitement.pieces.demander.motif')}
        motifAide={translate('app.traitement.pieces.demander.motifAide', { min: MOTIF_MIN })}
        motifMin={MOTIF_MIN}
        pending={envoi}
        confirmLabel={translate('app.traitement.pieces.demander.confirmer')}
        onConfirm={demander}
        onClose={() => setOuvert(false)}
      />
    </>
  );
}
