import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RapportAffiche } from './useActionGroupee';

/** The per-row report of a bulk action: how many were applied, and each refused row with its reason. */
export function RapportGroupeDialog({ rapport, onClose }: { rapport: RapportAffiche | null; onClose: () => void }) {
  const translate = useTranslate();
  if (!rapport) return null;
  const { reussies, refusees } = rapport.rapport;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate('app.traitement.groupe.rapportTitre', { action: rapport.libelle })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {refusees.length === 0 ? (
            <Alert severity="success">{translate('app.traitement.groupe.toutesReussies')}</Alert>
          ) : (
            <>
              {reussies.length > 0 && <Alert severity="success">{translate('app.traitement.groupe.reussies', { smart_count: reussies.length })}</Alert>}
              <Alert severity="warning">{translate('app.traitement.groupe.refusees', { smart_count: refusees.length })}</Alert>
              <Table size="small" aria-label={translate('app.traitement.groupe.refusees', { smart_count: refusees.length })}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('app.traitement.groupe.candidature')}</TableCell>
                    <TableCell>{translate('app.traitement.groupe.raison')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {refusees.map((r) => (
                    <TableRow key={r.id}>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{rapport.references.get(r.id) ?? `n° ${r.id}`}</TableCell>
                      <TableCell>{r.raison}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={onClose}>
          {translate('ra.action.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
