import RankIcon from '@mui/icons-material/FormatListNumbered';
import { Alert, AlertTitle, Button } from '@mui/material';
import { useGetOne, useListContext, useTranslate } from 'react-admin';
import type { Offre } from '@console/data/records';
import type { CandidatureFile } from '@console/candidatures/types';
import { isByOffre } from './CandidatureTable';

/** Above one offer's ranking: which offer, that the rank is indicative, and the way out. */
export function ClassementBandeau() {
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters } = useListContext<CandidatureFile>();
  const byOffre = isByOffre(filterValues);
  const { data: offre } = useGetOne<Offre>('offres', { id: filterValues.offreId }, { enabled: byOffre });
  if (!byOffre) return null;
  const quitter = () => {
    const { offreId: _, ...reste } = filterValues;
    setFilters(reste, displayedFilters);
  };
  return (
    <Alert
      severity="info"
      icon={<RankIcon />}
      sx={{ borderRadius: 0 }}
      action={
        <Button color="inherit" size="small" onClick={quitter}>
          {translate('app.traitement.file.fermerClassement')}
        </Button>
      }
    >
      <AlertTitle sx={{ mb: 0 }}>
        {translate('app.traitement.file.classementDe', { offre: offre ? `${offre.reference} — ${offre.titre}` : `n° ${filterValues.offreId}` })}
      </AlertTitle>
      {translate('app.candidatures.classement')}
    </Alert>
  );
}
