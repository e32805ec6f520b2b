import DownloadIcon from '@mui/icons-material/Download';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField as MuiTextField } from '@mui/material';
import { useState } from 'react';
import { Button, useRecordContext, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { paquetDonneesUrl } from '@console/data/donnees';

/**
 * « Données personnelles (RGPD) »: a demandeur's data package (art. 15/20) for a request received
 * by mail. The agent names who asked; the server audits it and streams the ZIP (session cookie).
 */
export function PaquetDonneesButton() {
  const record = useRecordContext();
  const peut = useCan('exporter_donnees', 'demandeurs');
  const translate = useTranslate();
  const [ouvert, setOuvert] = useState(false);
  const [demandePar, setDemandePar] = useState('');
  if (!peut || !record) return null;
  const valide = demandePar.trim().length >= 3;
  const href = `${paquetDonneesUrl(record.id)}?${new URLSearchParams({ demandePar: demandePar.trim() })}`;
  return (
    <>
      <Button label="app.donnees.paquet.bouton" onClick={() => setOuvert(true)}>
        <DownloadIcon />
      </Button>
      <Dialog open={ouvert} onClose={() => setOuvert(false)} aria-labelledby="paquet-donnees-titre" fullWidth>
        <DialogTitle id="paquet-donnees-titre">{translate('app.donnees.paquet.titre')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.donnees.paquet.explication')}</DialogContentText>
          <MuiTextField
            autoFocus
            fullWidth
            margin="normal"
            label={translate('app.donnees.paquet.demandePar')}
            value={demandePar}
            onChange={(e) => setDemandePar(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button label="app.donnees.paquet.annuler" onClick={() => setOuvert(false)} />
          <Button
            label="app.donnees.paquet.telecharger"
            variant="contained"
            disabled={!valide}
            component="a"
            href={valide ? href : undefined}
            download
            onClick={() => setOuvert(false)}
          >
            <DownloadIcon />
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
