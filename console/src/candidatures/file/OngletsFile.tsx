import FollowedIcon from '@mui/icons-material/BookmarkAdded';
import { Box, Chip, Tab, Tabs, Tooltip } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useListContext, useTranslate } from 'react-admin';
import { useAppDataProvider } from '@console/data/dataProvider';
import { isOnglet, ONGLETS, type CandidatureFile, type Onglet } from '@console/candidatures/types';

/** Query key of the tab counts: under `candidatures`, so any refresh of the resource recounts. */
/** The server counts each tab up to 10 001 rows: beyond, « 10 000+ ». */
const PLAFOND_COMPTEUR = 10_000;

export const COMPTEURS_KEY = ['candidatures', 'compteurs'] as const;

/** The counts of every tab, in one request: the agent's scope and the queue's other filters (search, offer…). */
export function useCompteurs(filter: Record<string, unknown> = {}) {
  const dataProvider = useAppDataProvider();
  const { onglet: _onglet, ...autres } = filter;
  return useQuery({
    queryKey: [...COMPTEURS_KEY, autres],
    queryFn: () => dataProvider.compteursOnglets(autres).then((r) => r.data),
    refetchInterval: 60_000,
  });
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
  const { data: compteurs } = useCompteurs(filterValues);
  const courant = ongletCourant(filterValues);
  const choisir = (onglet: Onglet) => {
    onUnselectItems();
    setFilters({ ...filterValues, onglet }, displayedFilters);
  };
  // UI-SUIVI: « Suivis » narrows any tab to the dossiers the agent follows; turned on, it shows them all (« Toutes »).
  const suivis = filterValues.suivies === true || filterValues.suivies === 'true';
  const basculerSuivis = () => {
    onUnselectItems();
    const { suivies: _, ...autres } = filterValues;
    setFilters(suivis ? autres : { ...autres, suivies: true, onglet: 'toutes' }, displayedFilters);
  };
  return (
    <Box sx={{ borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper', display: 'flex', alignItems: 'center' }}>
      <Tabs sx={{ flexGrow: 1, minWidth: 0 }} value={courant} onChange={(_, value: Onglet) => choisir(value)} variant="scrollable" scrollButtons="auto" aria-label={translate('resources.candidatures.name', { smart_count: 2 })}>
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
                    label={compteurs[onglet] > PLAFOND_COMPTEUR ? `${PLAFOND_COMPTEUR.toLocaleString('fr-FR')}+` : compteurs[onglet]}
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
      <Tooltip describeChild title={translate('app.traitement.suivi.suivisAide')}>
        <Chip
          component="button"
          clickable
          aria-pressed={suivis}
          icon={<FollowedIcon />}
          label={translate('app.traitement.suivi.suivis')}
          color={suivis ? 'primary' : 'default'}
          variant={suivis ? 'filled' : 'outlined'}
          onClick={basculerSuivis}
          sx={{ mx: 1.5, flexShrink: 0 }}
        />
      </Tooltip>
    </Box>
  );
}
