import { AutocompleteInput, BooleanField, DataTable, List, ReferenceInput } from 'react-admin';
import { DayField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { booleanFilter, departementFilter, enumFilter, searchFilter } from '@console/common/filters';
import type { Offre } from '@console/data/records';
import { LoyerField } from './OffreFields';

const filters = [
  searchFilter(),
  booleanFilter('publiee', true),
  departementFilter(),
  enumFilter('nature', 'natureOffre'),
  enumFilter('forme', 'formeOffre'),
  enumFilter('typologie', 'typologie'),
  enumFilter('reglementation', 'reglementation'),
  <ReferenceInput key="bailleurId" source="bailleurId" reference="bailleurs" sort={{ field: 'nom', order: 'ASC' }}>
    <AutocompleteInput filterToQuery={(q: string) => ({ q })} noOptionsText="ra.navigation.no_results" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

export const OffreList = () => (
  <List<Offre> filters={filters} sort={{ field: 'reference', order: 'ASC' }} perPage={25}>
    {/* Fits in 1 280 px (issue #15: it was 1 614 px): the title already says the typology and « courte durée »,
        so neither has its own column (both stay filters); headers wrap. */}
    <DataTable<Offre> rowClick="show" bulkActionButtons={false} sx={{ '& .MuiTableCell-head': { whiteSpace: 'normal' }, '& .MuiTableCell-root': { px: 1 } }}>
      <DataTable.Col source="reference" sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="titre" sx={{ minWidth: 170 }} />
      <DataTable.Col source="commune" render={(r) => `${r.commune} (${r.departement})`} />
      <DataTable.Col source="reglementation">
        <EnumField source="reglementation" enumName="reglementation" />
      </DataTable.Col>
      <DataTable.Col source="loyer" label="app.offres.loyer" field={LoyerField} />
      <DataTable.Col source="publiee" field={BooleanField} />
      <DataTable.Col source="finPublication" field={DayField} />
      <DataTable.NumberCol source="nbCandidaturesOuvertes" />
    </DataTable>
  </List>
);
