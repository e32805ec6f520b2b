import { AutocompleteInput, DataTable, List, ReferenceInput } from 'react-admin';
import { departementFilter, searchFilter } from '@console/common/filters';
import { SafeReferenceField } from '@console/common/links';
import type { Programme } from '@console/data/records';

const filters = [
  searchFilter(),
  departementFilter(),
  <ReferenceInput key="bailleurId" source="bailleurId" reference="bailleurs" sort={{ field: 'nom', order: 'ASC' }} alwaysOn>
    <AutocompleteInput filterToQuery={(q: string) => ({ q })} noOptionsText="ra.navigation.no_results" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

export const ProgrammeList = () => (
  <List<Programme> filters={filters} sort={{ field: 'nom', order: 'ASC' }} perPage={25}>
    <DataTable<Programme> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="nom" />
      <DataTable.Col source="bailleurId">
        <SafeReferenceField source="bailleurId" reference="bailleurs" link={false} />
      </DataTable.Col>
      <DataTable.Col source="adresse" disableSort />
      <DataTable.Col source="commune" />
      <DataTable.Col source="codePostal" />
      <DataTable.Col source="departement" />
    </DataTable>
  </List>
);
