import { DataTable, EmailField, List, TextInput } from 'react-admin';
import { DateTimeField, DayField, TelephoneField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { enumFilter, searchFilter } from '@console/common/filters';
import type { Demandeur } from '@console/data/records';
import { SuspenduField } from './SuspenduField';

const filters = [
  searchFilter(),
  enumFilter('statutCompte', 'statutCompte', true),
  <TextInput key="telephone" source="telephone" />,
];

export const DemandeurList = () => (
  <List<Demandeur> filters={filters} sort={{ field: 'nom', order: 'ASC' }} perPage={25}>
    <DataTable<Demandeur> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="nom" render={(r) => r.nom.toUpperCase()} />
      <DataTable.Col source="prenom" />
      <DataTable.Col source="email" field={EmailField} />
      <DataTable.Col source="telephone" field={TelephoneField} />
      <DataTable.Col source="dateNaissance" field={DayField} />
      <DataTable.Col source="statutCompte">
        <EnumField source="statutCompte" enumName="statutCompte" />
      </DataTable.Col>
      <DataTable.Col source="suspenduJusquAu" disableSort field={SuspenduField} />
      <DataTable.Col source="derniereConnexion" field={DateTimeField} />
    </DataTable>
  </List>
);
