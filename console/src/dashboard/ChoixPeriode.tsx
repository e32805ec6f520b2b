import { Box, Button, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useTranslate } from 'react-admin';
import { ChampDateFr } from '@console/common/DateFrInput';

export interface Periode {
  from: string;
  to: string;
}

/**
 * The dashboard's period, typed jj/mm/aaaa whatever the browser (UI-DATES-FR): « Afficher » asks the
 * statistics of those days (Paris, bounds included) once both are real days in order.
 */
export function ChoixPeriode({ periode, onChange, pending }: { periode: Periode; onChange: (p: Periode) => void; pending?: boolean }) {
  const translate = useTranslate();
  const [from, setFrom] = useState(periode.from);
  const [to, setTo] = useState(periode.to);
  const dansLOrdre = !from || !to || from <= to;
  const pret = !!from && !!to && dansLOrdre && (from !== periode.from || to !== periode.to);
  const envoyer = (e: FormEvent) => {
    e.preventDefault();
    if (pret) onChange({ from, to });
  };
  return (
    <Box component="form" onSubmit={envoyer} aria-label={translate('app.pilotage.dashboard.choixPeriode')} sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <ChampDateFr size="small" name="from" label={translate('app.pilotage.dashboard.du')} value={from} onChange={setFrom} sx={{ width: 150 }} />
      <ChampDateFr size="small" name="to" label={translate('app.pilotage.dashboard.au')} value={to} onChange={setTo} sx={{ width: 150 }} />
      <Button type="submit" variant="outlined" disabled={!pret || pending} sx={{ mt: 0.25 }}>
        {translate('app.pilotage.dashboard.afficher')}
      </Button>
      {!dansLOrdre && (
        <Typography role="alert" color="error" variant="body2" sx={{ flexBasis: '100%' }}>
          {translate('app.pilotage.dashboard.periodeInvalide')}
        </Typography>
      )}
    </Box>
  );
}
