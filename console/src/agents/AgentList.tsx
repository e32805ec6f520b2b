import { BooleanField, DataTable, EmailField, List, TextArrayField, TextInput } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { booleanFilter, enumFilter, searchFilter } from '@console/common/filters';
import type { Agent } from '@console/data/records';

const filters = [
  searchFilter(),
  enumFilter('role', 'role', true),
  booleanFilter('actif', true),
  <TextInput key="territoires" source="territoires" sx={{ width: 140 }} />,
];

export const AgentList = () => (
  <List<Agent> filters={filters} sort={{ field: 'nom', order: 'ASC' }} perPage={25}>
    <DataTable<Agent> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="nom" render={(r) => r.nom.toUpperCase()} />
      <DataTable.Col source="prenom" />
      <DataTable.Col source="email" field={EmailField} />
      <DataTable.Col source="role">
        <EnumField source="role" enumName="role" />
      </DataTable.Col>
      <DataTable.Col source="territoires" disableSort>
        <TextArrayField source="territoires" size="small" />
      </DataTable.Col>
      <DataTable.Col source="actif" field={BooleanField} />
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);
