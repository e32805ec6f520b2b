import { BooleanField, DataTable, EmailField, List } from 'react-admin';
import { booleanFilter, searchFilter } from '@console/common/filters';
import type { Bailleur } from '@console/data/records';

const filters = [searchFilter(), booleanFilter('estInli')];

export const BailleurList = () => (
  <List<Bailleur> filters={filters} sort={{ field: 'nom', order: 'ASC' }} perPage={25}>
    <DataTable<Bailleur> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="nom" />
      <DataTable.Col source="siren" />
      <DataTable.Col source="email" field={EmailField} />
      <DataTable.Col source="estInli" field={BooleanField} />
    </DataTable>
  </List>
);
