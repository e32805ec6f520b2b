import { DataTable, List } from 'react-admin';
import { EnumField } from '@console/common/EnumField';
import { enumFilter, searchFilter } from '@console/common/filters';
import type { Entreprise } from '@console/data/records';

const filters = [searchFilter(), enumFilter('contribution', 'contribution', true)];

export const EntrepriseList = () => (
  <List<Entreprise> filters={filters} sort={{ field: 'raisonSociale', order: 'ASC' }} perPage={25}>
    <DataTable<Entreprise> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="raisonSociale" />
      <DataTable.Col source="siret" />
      <DataTable.Col source="contribution">
        <EnumField source="contribution" enumName="contribution" />
      </DataTable.Col>
      <DataTable.NumberCol source="droitsPseecRestants" />
    </DataTable>
  </List>
);
