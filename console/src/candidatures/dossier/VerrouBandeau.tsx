import LockOpenIcon from '@mui/icons-material/LockOpen';
import PanToolIcon from '@mui/icons-material/PanTool';
import { Alert, Button, CircularProgress } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { estOuvert } from '@shared/rules/candidature';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Dossier } from '@console/data/instruction';
import { MotifDialog } from '@console/candidatures/actions/MotifDialog';
import type { CandidatureFile } from '@console/candidatures/types';
import { heureOuDate } from './format';
import { useRechargerDossier } from './useDossier';

type Geste = { type: 'prendre'; motif?: string } | { type: 'liberer' };

/**
 * The soft lock (« Je prends le dossier »): who handles the dossier and since when; take it,
 * give it back, or take it over from a colleague with a reason (audited). The lock lapses
 * after 30 minutes without activity (the API says whether it is live).
 */
export function VerrouBandeau({ record, dossier }: { record: CandidatureFile; dossier: Dossier }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const recharger = useRechargerDossier();
  const [reprise, setReprise] = useState(false);
  const mutation = useMutation({
    mutationFn: (geste: Geste) =>
      geste.type === 'prendre'
        ? dataProvider.candidatureAction(record.id, 'prendre', geste.motif ? { motif: geste.motif } : {})
        : dataProvider.candidatureAction(record.id, 'liberer', {}),
    onSuccess: (_, geste) => {
      setReprise(false);
      notify(geste.type === 'prendre' ? 'app.traitement.verrou.pris' : 'app.traitement.verrou.libere', { type: 'success' });
    },
    onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
    onSettled: () => recharger(),
  });
  if (!estOuvert(record.statut)) return null;
  const { verrou, peutPrendre } = dossier;
  const agent = verrou?.agentNom ?? translate('app.traitement.verrou.unAgent');
  const heure = heureOuDate(verrou?.depuis);
  const agir = (geste: Geste) => !mutation.isPending && mutation.mutate(geste);
  const bouton = (label: string, geste: Geste | 'reprise', icon = <PanToolIcon />) =>
    peutPrendre && (
      <Button
        color="inherit"
        size="small"
        variant="outlined"
        disabled={mutation.isPending}
        startIcon={mutation.isPending ? <CircularProgress size={14} color="inherit" /> : icon}
        onClick={() => (geste === 'reprise' ? setReprise(true) : agir(geste))}
        sx={{ whiteSpace: 'nowrap' }}
      >
        {translate(label)}
      </Button>
    );

  let alerte;
  if (!verrou) {
    if (!peutPrendre) return null;
    alerte = <Alert severity="info" action={bouton('app.traitement.verrou.prendre', { type: 'prendre' })}>{translate('app.traitement.verrou.libre')}</Alert>;
  } else if (verrou.estMoi) {
    alerte = (
      <Alert severity="success" action={bouton('app.traitement.verrou.liberer', { type: 'liberer' }, <LockOpenIcon />)}>
        {translate('app.traitement.verrou.moi', { heure })}
      </Alert>
    );
  } else if (verrou.actif) {
    alerte = <Alert severity="warning" action={bouton('app.traitement.verrou.reprendre', 'reprise')}>{translate('app.traitement.verrou.autre', { agent, heure })}</Alert>;
  } else {
    alerte = <Alert severity="info" action={bouton('app.traitement.verrou.prendre', { type: 'prendre' })}>{translate('app.traitement.verrou.inactif', { agent, heure })}</Alert>;
  }
  return (
    <>
      {alerte}
      <MotifDialog
        open={reprise}
        motif
        title={translate('app.traitement.verrou.repriseTitre', { agent })}
        help={translate('app.traitement.verrou.repriseAide')}
        alert={translate('app.traitement.verrou.autre', { agent, heure })}
        pending={mutation.isPending}
        confirmLabel={translate('app.traitement.verrou.reprendre')}
        onConfirm={({ motif }) => agir({ type: 'prendre', motif })}
        onClose={() => setReprise(false)}
      />
    </>
  );
}
