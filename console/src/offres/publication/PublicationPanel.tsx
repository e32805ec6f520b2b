import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import { Alert, Box, Button, Chip, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime } from '@console/common/format';
import { useCan } from '@console/common/useAbility';
import type { OffreAction, OffreGeree } from '@console/data/offres';
import { actionsPossibles, cleAction, COULEUR_ETAT, etatPublication } from './etat';
import { FenetreDialog } from './FenetreDialog';

/**
 * R-PUB (§11.18, §11.19, §11.27, §12): the offer's publication window, its state, and the typed
 * actions a manager may take now (the shared rule decides which); each opens a dialog.
 */
export function PublicationPanel() {
  const offre = useRecordContext<OffreGeree>();
  const translate = useTranslate();
  const canGerer = useCan('update', 'offres');
  const [action, setAction] = useState<OffreAction | null>(null);
  if (!offre) return null;
  const now = new Date();
  const etat = etatPublication(offre, now);
  const periode = !offre.debutPublication
    ? translate('app.publication.aucunePeriode')
    : offre.finPublication
      ? translate('app.publication.periode', { debut: formatDateTime(offre.debutPublication), fin: formatDateTime(offre.finPublication) })
      : translate('app.publication.periodeSansFin', { debut: formatDateTime(offre.debutPublication) });
  const motif = offre.attributionDirecteMotif ?? offre.motifDepublication;
  const actions = canGerer ? actionsPossibles(offre, now) : [];
  return (
    <Box sx={{ p: 2 }} data-testid="publication">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1 }}>
        <Chip label={translate(`app.publication.etat.${etat}`)} color={COULEUR_ETAT[etat]} variant={COULEUR_ETAT[etat] === 'default' ? 'outlined' : 'filled'} />
        <Typography variant="body1">{periode}</Typography>
      </Stack>
      {motif && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.publication.motifActuel', { motif })}
        </Typography>
      )}
      <Alert severity="info" variant="outlined" sx={{ my: 2 }}>
        {translate('app.publication.visiteurs')}
      </Alert>
      {actions.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          {actions.map((a) => (
            <Button
              key={a} variant={a === 'reprise-bailleur' || a === 'attribution-directe' ? 'outlined' : 'contained'}
              color={a === 'reprise-bailleur' || a === 'attribution-directe' ? 'error' : 'primary'}
              startIcon={a === 'renouveler' ? <EventRepeatIcon /> : undefined} onClick={() => setAction(a)}
            >
              {translate(`app.publication.actions.${cleAction(a, offre)}`)}
            </Button>
          ))}
        </Stack>
      )}
      <FenetreDialog action={action} offre={offre} onClose={() => setAction(null)} />
    </Box>
  );
}
