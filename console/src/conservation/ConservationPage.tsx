import { Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';
import { CONSERVATION, libelleDuree } from '@shared/rules/conservation';
import { useCan } from '@console/common/useAbility';



/** DATA-RETENTION: the retention table of shared/rules/conservation.ts, as the daily job applies it. */
export function ConservationPage() {
  const translate = useTranslate();
  const peut = useCan('read', 'conservation');
  if (!peut) return null;
  return (
    <Card>
      <Title title="app.donnees.conservation.titre" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.donnees.conservation.intro')}
        </Typography>
        <Table size="small" aria-label={translate('app.donnees.conservation.titre')}>
          <TableHead>
            <TableRow>
              {(['donnees', 'duree', 'depart', 'action', 'source'] as const).map((c) => (
                <TableCell key={c}>{translate(`app.donnees.conservation.colonnes.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {CONSERVATION.map((e) => (
              <TableRow key={e.cle}>
                <TableCell>{e.donnees}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{libelleDuree(e.duree)}</TableCell>
                <TableCell>{e.depart}</TableCell>
                <TableCell>
                  <strong>{translate(`app.donnees.conservation.actions.${e.action}`)}</strong> — {e.effet}
                  <Typography variant="caption" component="div" color="text.secondary">
                    {e.appliquePar}
                  </Typography>
                </TableCell>
                <TableCell>{e.source}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
