import ReplayIcon from '@mui/icons-material/Replay';
import {
  Alert, Button as MuiButton, Chip, CircularProgress, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle,
  FormControlLabel, Radio, RadioGroup, Stack, Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { formatEuros, formatNumber } from '@console/common/format';
import { nomPrenom } from '@console/common/links';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { OffreSimilaire } from '@console/data/offres';
import type { Candidature } from '@console/data/records';
import { ProposerDialog } from './ProposerDialog';

const loyer = (o: OffreSimilaire) =>
  o.loyer != null ? formatEuros(o.loyer) : o.loyerMin != null ? `${formatEuros(o.loyerMin)} – ${formatEuros(o.loyerMax)}` : '';

/**
 * §11.25: on a non-retained candidature, « Proposer une offre similaire »: the offers of the
 * territory the shared rules allow for this demandeur (GET /api/candidatures/:id/offres-similaires),
 * one to choose, then the proposition dialog. Conseillers and controle_fraude only.
 */
export function OffresSimilairesButton() {
  const candidature = useRecordContext<Candidature>();
  const canProposer = useCan('create', 'propositions');
  const [ouvert, setOuvert] = useState(false);
  if (!candidature || !canProposer || candidature.statut !== 'non_retenue') return null;
  return (
    <>
      <Button label="app.propositions.similaire" onClick={() => setOuvert(true)}>
        <ReplayIcon />
      </Button>
      {ouvert && <ChoixOffre candidature={candidature} onClose={() => setOuvert(false)} />}
    </>
  );
}

function ChoixOffre({ candidature, onClose }: { candidature: Candidature; onClose: () => void }) {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const [choix, setChoix] = useState<Identifier | null>(null);
  const [proposer, setProposer] = useState(false);
  const { data, isPending, error } = useQuery({
    queryKey: ['candidatures', candidature.id, 'offres-similaires'],
    queryFn: () => dataProvider.offresSimilaires(candidature.id).then((r) => r.data),
  });
  const offre = data?.offres.find((o) => o.id === choix);
  const nom = nomPrenom(candidature.demandeurNom, candidature.demandeurPrenom);
  if (proposer && offre) {
    return (
      <ProposerDialog
        open offre={offre} demandeurIds={[candidature.demandeurId]} noms={new Map([[candidature.demandeurId, nom]])}
        onClose={onClose} onSent={() => undefined}
      />
    );
  }
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby="similaires-titre">
      <DialogTitle id="similaires-titre">{translate('app.propositions.similaireTitre', { offre: candidature.offreReference })} — {nom}</DialogTitle>
      <DialogContent>
        <DialogContentText variant="body2" sx={{ mb: 2 }}>
          {translate('app.propositions.similaireAide')}
        </DialogContentText>
        {isPending && <CircularProgress size={28} />}
        {error && <Alert severity="error">{error instanceof Error ? error.message : translate('app.erreurs.serveur')}</Alert>}
        {data && data.offres.length === 0 && <Alert severity="info">{translate('app.propositions.aucuneSimilaire')}</Alert>}
        {data && data.offres.length > 0 && (
          <RadioGroup value={choix === null ? '' : String(choix)} onChange={(e) => setChoix(Number(e.target.value))}>
            {data.offres.map((o) => (
              <FormControlLabel
                key={String(o.id)} value={String(o.id)} control={<Radio />} sx={{ alignItems: 'flex-start', mb: 1 }}
                label={
                  <Stack>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>
                      {o.reference} — {o.titre} {!o.enLigne && <Chip size="small" label={translate('app.propositions.nonPubliee')} sx={{ ml: 1 }} />}
                    </Typography>
                    <Typography variant="caption" color="text.secondary">
                      {[o.commune, o.distanceKm != null ? `${formatNumber(o.distanceKm)} km` : null, loyer(o)].filter(Boolean).join(' · ')}
                    </Typography>
                    <Typography variant="caption">{o.raisons?.slice(0, 2).join(' ')}</Typography>
                  </Stack>
                }
              />
            ))}
          </RadioGroup>
        )}
        {data && data.ecartees.length > 0 && (
          <Typography variant="caption" color="text.secondary">
            {translate('app.propositions.ecartees', { smart_count: data.ecartees.length })}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('app.publication.fermer')}</MuiButton>
        <MuiButton variant="contained" disabled={!offre} onClick={() => setProposer(true)}>
          {translate('app.correspondances.envoyer')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
}
