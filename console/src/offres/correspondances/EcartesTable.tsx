import { Box, Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { nomPrenom, RecordLink } from '@console/common/links';
import type { Ecart } from '@console/data/offres';

/** §11.17: the demandeurs of the area left out, each with the code of the rule and its reason. */
export function EcartesTable({ ecartes }: { ecartes: Ecart[] }) {
  const translate = useTranslate();
  if (ecartes.length === 0) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="ecartes">
      <Typography variant="subtitle1" component="h3">
        {translate('app.correspondances.ecartes')} ({ecartes.length})
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.correspondances.ecartesAide')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.correspondances.demandeur')}</TableCell>
            <TableCell>{translate('app.correspondances.classement')}</TableCell>
            <TableCell>{translate('app.correspondances.raisons')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {ecartes.map((e) => (
            <TableRow key={String(e.demandeurId)} sx={{ verticalAlign: 'top' }}>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <RecordLink resource="demandeurs" id={e.demandeurId}>
                  {nomPrenom(e.nom, e.prenom)}
                </RecordLink>
              </TableCell>
              <TableCell>
                <Chip size="small" label={translate(`app.correspondances.codes.${e.code}`, { _: e.code })} title={e.code} />
              </TableCell>
              <TableCell sx={{ fontSize: 13 }}>{e.refus.length > 1 ? e.refus.map((r) => r.raison).join(' ') : e.raison}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
