import { Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Fragment, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useRaccourcis } from './raccourcis';

/** One shortcut of a screen: its keys (alternatives) and the i18n key of what it does. */
export interface Raccourci {
  touches: string[];
  libelle: string;
}

const Touche = ({ children }: { children: string }) => (
  <Box component="kbd" sx={{ px: 0.75, py: 0.25, border: 1, borderColor: 'divider', borderRadius: 0.5, bgcolor: 'grey.100', fontFamily: 'monospace', fontSize: 12, whiteSpace: 'nowrap' }}>
    {children}
  </Box>
);

/**
 * « ? » opens the list of every shortcut of the current screen (WCAG 2.1.4: shortcuts are
 * documented and only active outside fields). The screen passes its own list.
 */
export function AideRaccourcis({ raccourcis }: { raccourcis: Raccourci[] }) {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  useRaccourcis({ '?': () => setOpen(true) });
  const lignes = [...raccourcis, { touches: ['?'], libelle: 'app.raccourcis.aide' }];
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="aide-raccourcis-titre" maxWidth="xs" fullWidth>
      <DialogTitle id="aide-raccourcis-titre">{translate('app.raccourcis.titre')}</DialogTitle>
      <DialogContent>
        <Table size="small" aria-labelledby="aide-raccourcis-titre">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">{translate('app.raccourcis.touche')}</TableCell>
              <TableCell component="th" scope="col">{translate('app.raccourcis.action')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lignes.map((r) => (
              <TableRow key={r.libelle}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {r.touches.map((t, i) => (
                    <Fragment key={t}>
                      {i > 0 && ` ${translate('app.raccourcis.ou')} `}
                      <Touche>{t}</Touche>
                    </Fragment>
                  ))}
                </TableCell>
                <TableCell>{translate(r.libelle)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1.5 }}>
          {translate('app.raccourcis.inactifs')}
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setOpen(false)} autoFocus>
          {translate('app.raccourcis.fermer')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
