import FilterIcon from '@mui/icons-material/FilterAltOff';
import RankIcon from '@mui/icons-material/FormatListNumbered';
import { Alert, AlertTitle, Button } from '@mui/material';
import { useGetOne, useListContext, useTranslate } from 'react-admin';
import type { Offre, Programme } from '@console/data/records';
import type { CandidatureFile } from '@console/candidatures/types';
import { isByOffre } from './CandidatureTable';

/** « OFF-2026-0038 — Les Terrasses, Lyon »: the offer's reference, then its programme and commune when known. */
export function libelleOffreFiltree(offre: Pick<Offre, 'reference' | 'commune'> | undefined, programme: Pick<Programme, 'nom'> | undefined, offreId: unknown): string {
  if (!offre) return `n° ${String(offreId)}`;
  const lieu = [programme?.nom, offre.commune].filter((p): p is string => !!p && p.trim() !== '').join(', ');
  return lieu ? `${offre.reference} — ${lieu}` : offre.reference;
}

/**
 * Above the queue whenever it is filtered on one offer (UI-FILTRE-OFFRE), whatever the tab and
 * wherever the filter came from (the offer's « Ouvrir le classement », the list parameters
 * react-admin remembers, a saved filter): which offer, in plain words, that the rank shown is
 * indicative, and « Retirer le filtre », which removes the offer filter only (the tab and the
 * other filters stay).
 */
export function ClassementBandeau() {
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters } = useListContext<CandidatureFile>();
  const byOffre = isByOffre(filterValues);
  const { data: offre } = useGetOne<Offre>('offres', { id: filterValues.offreId }, { enabled: byOffre });
  const programmeId = offre?.programmeId ?? null;
  const { data: programme } = useGetOne<Programme>('programmes', { id: programmeId! }, { enabled: byOffre && programmeId != null });
  if (!byOffre) return null;
  const retirer = () => {
    const { offreId: _, ...reste } = filterValues;
    const { offreId: __, ...affiches } = displayedFilters ?? {};
    setFilters(reste, affiches);
  };
  return (
    <Alert
      severity="info"
      role="status"
      icon={<RankIcon />}
      sx={{ borderRadius: 0 }}
      action={
        <Button color="inherit" size="small" variant="outlined" startIcon={<FilterIcon />} onClick={retirer}>
          {translate('app.traitement.file.retirerFiltreOffre')}
        </Button>
      }
    >
      <AlertTitle sx={{ mb: 0 }}>
        {translate('app.traitement.file.filtreOffre', { offre: libelleOffreFiltree(offre, programme, filterValues.offreId) })}
      </AlertTitle>
      {translate('app.candidatures.classement')}
    </Alert>
  );
}
