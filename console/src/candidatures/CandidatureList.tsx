import { useEffect, useRef } from 'react';
import { ColumnsButton, FilterButton, List, TopToolbar, useListContext, type SortPayload } from 'react-admin';
import { candidatureFilters } from './file/candidatureFilters';
import { CandidatureTable, COLONNES_STORE_KEY, isByOffre } from './file/CandidatureTable';
import { ClassementBandeau } from './file/ClassementBandeau';
import { FiltresEnregistresButton } from './file/FiltresEnregistresButton';
import { OngletsFile } from './file/OngletsFile';
import type { CandidatureFile } from './types';
import { ExporterListeButton } from './file/ExporterListeButton';
import { TraiterSuivantButton } from './file/TraiterSuivantButton';
import { FILE_FILTRE_DEFAUT, FILE_TRI_DEFAUT } from './file/fileStockee';

const RANG_SORT: SortPayload = { field: 'rang', order: 'ASC' };

/**
 * Filtering by one offer shows its ranked queue (R-RANK-EXPLAIN): sort by rang when the offer
 * filter appears, back to the longest waiting first when it goes. Other sorts stay possible meanwhile.
 */
function RangSort() {
  const { filterValues, sort, setSort } = useListContext<CandidatureFile>();
  const byOffre = isByOffre(filterValues);
  const previous = useRef<boolean | null>(null);
  useEffect(() => {
    if (previous.current !== byOffre) {
      if (byOffre && sort.field !== 'rang') setSort(RANG_SORT);
      if (!byOffre && sort.field === 'rang') setSort(FILE_TRI_DEFAUT);
    }
    previous.current = byOffre;
  }, [byOffre, sort.field, setSort]);
  return null;
}

/** The next dossier under the queue's filters, in the order it shows. */
const TraiterSuivantFiltre = () => {
  const { filterValues, sort } = useListContext();
  return <TraiterSuivantButton filter={filterValues} sort={sort} />;
};

const Actions = () => (
  <TopToolbar>
    <TraiterSuivantFiltre />
    <FilterButton />
    <FiltresEnregistresButton />
    <ColumnsButton storeKey={COLONNES_STORE_KEY} />
    <ExporterListeButton />
  </TopToolbar>
);

/**
 * The advisors' work queue: tabs with live counts, filters, saved views, column choice, bulk
 * actions with a per-row report, and one offer's ranking when filtered on it.
 */
export const CandidatureList = () => (
  <List<CandidatureFile>
    filters={candidatureFilters}
    filterDefaultValues={FILE_FILTRE_DEFAUT}
    actions={<Actions />}
    sort={FILE_TRI_DEFAUT}
    perPage={25}
    empty={false}
  >
    <RangSort />
    <OngletsFile />
    <ClassementBandeau />
    <CandidatureTable />
  </List>
);
