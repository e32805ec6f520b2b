import { useEffect, useRef } from 'react';
import { AutocompleteInput, DataTable, List, ReferenceInput, useListContext, type SortPayload } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { departementFilter, enumFilter, searchFilter } from '../common/filters';
import { DemandeurNomField, RecordLink } from '../common/links';
import type { Candidature } from '../data/records';
import { MesDossiersInput } from './MesDossiersInput';
import { PalierField } from './PalierField';

const DEFAULT_SORT: SortPayload = { field: 'dateCandidature', order: 'DESC' };
const RANG_SORT: SortPayload = { field: 'rang', order: 'ASC' };

const filters = [
  searchFilter(),
  enumFilter('statut', 'statutCandidature', true),
  <ReferenceInput key="offreId" source="offreId" reference="offres" sort={{ field: 'reference', order: 'ASC' }} alwaysOn>
    <AutocompleteInput optionText="reference" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  departementFilter(),
  enumFilter('nature', 'natureOffre'),
  enumFilter('origine', 'origineCandidature'),
  <MesDossiersInput key="agentEnChargeId" source="agentEnChargeId" alwaysOn />,
];

const isByOffre = (filter: Record<string, unknown>) => filter.offreId != null && filter.offreId !== '';

/**
 * Filtering by one offer shows its ranked queue (R-RANK-EXPLAIN): sort by rang when the offer
 * filter appears, back to the newest first when it goes. Other sorts stay possible meanwhile.
 */
function RangSort() {
  const { filterValues, sort, setSort } = useListContext<Candidature>();
  const byOffre = isByOffre(filterValues);
  const previous = useRef<boolean | null>(null);
  useEffect(() => {
    if (previous.current !== byOffre) {
      if (byOffre && sort.field !== 'rang') setSort(RANG_SORT);
      if (!byOffre && sort.field === 'rang') setSort(DEFAULT_SORT);
    }
    previous.current = byOffre;
  }, [byOffre, sort.field, setSort]);
  return null;
}

/** One offer's queue drops the columns its filter makes constant (offer, département). */
function CandidatureTable() {
  const { filterValues } = useListContext<Candidature>();
  const byOffre = isByOffre(filterValues);
  return (
    <DataTable<Candidature> rowClick="show" bulkActionButtons={false}>
      {byOffre && <DataTable.NumberCol source="rang" options={{ maximumFractionDigits: 0 }} />}
      <DataTable.Col source="reference" sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="demandeurNom" field={DemandeurNomField} />
      {!byOffre && (
        <DataTable.Col
          source="offreReference"
          sx={{ whiteSpace: 'nowrap' }}
          render={(record) => (
            <RecordLink resource="offres" id={record.offreId}>
              {record.offreReference}
            </RecordLink>
          )}
        />
      )}
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutCandidature" />
      </DataTable.Col>
      {byOffre && <DataTable.Col source="palier" field={PalierField} />}
      {byOffre && <DataTable.Col source="motifRang" disableSort sx={{ minWidth: 240 }} />}
      <DataTable.Col source="dateCandidature" field={DateTimeField} />
      {!byOffre && <DataTable.Col source="departement" />}
      <DataTable.Col source="agentEnChargeNom" />
    </DataTable>
  );
}

export const CandidatureList = () => (
  <List<Candidature> filters={filters} sort={DEFAULT_SORT} perPage={25}>
    <RangSort />
    <CandidatureTable />
  </List>
);
