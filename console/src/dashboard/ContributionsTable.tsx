import { Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { EffectifDiffusable } from '@shared/rules/statistiques';
import type { Statistiques } from '@shared/api/statistiques';

/** Entreprise-facing figures: a withheld count (under 5, R-STATS) shows "< 5" with an explanation. */
function Effectif({ e }: { e: EffectifDiffusable }) {
  const translate = useTranslate();
  if (!e.masque) return <>{(e.valeur ?? 0).toLocaleString('fr-FR')}</>;
  return (
    <Tooltip title={translate('app.pilotage.dashboard.masqueAide')}>
      <span aria-label={translate('app.pilotage.dashboard.masqueAide')}>{translate('app.pilotage.dashboard.masque')}</span>
    </Tooltip>
  );
}

export function ContributionsTable({ lignes }: { lignes: Statistiques['parContribution'] }) {
  const translate = useTranslate();
  const t = (k: string) => translate(`app.pilotage.dashboard.${k}`);
  return (
    <>
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {t('parContribution')}
      </Typography>
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell>{t('contribution')}</TableCell>
            <TableCell align="right">{t('entreprises')}</TableCell>
            <TableCell align="right">{t('demandesActives')}</TableCell>
            <TableCell align="right">{t('designationsPeriode')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {lignes.map((l) => (
            <TableRow key={l.contribution}>
              <TableCell>{translate(`enums.contribution.${l.contribution}`)}</TableCell>
              <TableCell align="right"><Effectif e={l.entreprises} /></TableCell>
              <TableCell align="right"><Effectif e={l.demandesActives} /></TableCell>
              <TableCell align="right"><Effectif e={l.designations} /></TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">
        {t('masqueAide')}
      </Typography>
    </>
  );
}
