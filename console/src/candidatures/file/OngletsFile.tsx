import { Box, Chip, Tab, Tabs } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useListContext, useTranslate } from 'react-admin';
import { useAppDataProvider } from '../../data/dataProvider';
import { isOnglet, ONGLETS, type CandidatureFile, type Onglet } from '../types';

/** Query key of the tab counts: under `candidatures`, so any refresh of the resource recounts. */
export const COMPTEURS_KEY = ['candidatures', 'compteurs'] as const;

/** The counts of every tab, in one request (the agent's scope, whatever the other filters). */
export function useCompteurs() {
  const dataProvider = useAppDataProvider();
  return useQuery({ queryKey: COMPTEURS_KEY, queryFn: () => dataProvider.compteursOnglets().then((r) => r.data), refetchInterval: 60_000 });
}

/** The tab shown: the `onglet` filter, « Toutes » when absent (e.g. an offer's ranking). */
export const ongletCourant = (filter: Record<string, unknown>): Onglet => (isOnglet(filter.onglet) ? filter.onglet : 'toutes');

/**
 * The work-queue tabs (« À traiter », « Mes dossiers »…) with live counts. Changing tab keeps the
 * other filters and clears the selection.
 */
export function OngletsFile() {
  const translate = useTranslate();
  const { filterValues, displayedFilters, setFilters, onUnselectItems } = useListContext<CandidatureFile>();
  const { data: compteurs } = useCompteurs();
  const courant = ongletCourant(filterValues);
  const choisir = (onglet: Onglet) => {
    onUnselectItems();
    setFilters({ ...filterValues, onglet }, displayedFilters);
  };
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}>
      <Tabs value={courant} onChange={(_, value: Onglet) => choisir(value)} variant="scrollable" scrollButtons="auto" aria-label={translate('resources.candidatures.name', { smart_count: 2 })}>
        {ONGLETS.map((onglet) => (
          <Tab
            key={onglet}
            value={onglet}
            sx={{ minHeight: 44, textTransform: 'none', fontWeight: 500 }}
            label={
              <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1 }}>
                {translate(`app.traitement.onglets.${onglet}`)}
                {compteurs && (
                  <Chip
                    size="small"
                    label={compteurs[onglet]}
                    color={onglet === courant ? 'primary' : 'default'}
                    variant={onglet === courant ? 'filled' : 'outlined'}
                    sx={{ height: 20, minWidth: 28, '& .MuiChip-label': { px: 0.75 } }}
                  />
                )}
              </Box>
            }
          />
        ))}
      </Tabs>
    </Box>
  );
}
