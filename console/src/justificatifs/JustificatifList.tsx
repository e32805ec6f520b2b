import { DataTable, List } from 'react-admin';
import { DateTimeField, DayField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { enumFilter, searchFilter } from '@console/common/filters';
import { DemandeurNomField } from '@console/common/links';
import type { Justificatif } from '@console/data/records';

const filters = [
  searchFilter(),
  enumFilter('statut', 'statutJustificatif', true),
  enumFilter('type', 'typeJustificatif', true),
  enumFilter('titulaire', 'titulaire'),
];

export const JustificatifList = () => (
  <List<Justificatif> filters={filters} filterDefaultValues={{ statut: 'depose' }} sort={{ field: 'deposeLe', order: 'ASC' }} perPage={25}>
    <DataTable<Justificatif> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="demandeurNom" field={DemandeurNomField} />
      <DataTable.Col source="type">
        <EnumField source="type" enumName="typeJustificatif" />
      </DataTable.Col>
      <DataTable.Col source="titulaire">
        <EnumField source="titulaire" enumName="titulaire" />
      </DataTable.Col>
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutJustificatif" />
      </DataTable.Col>
      <DataTable.Col source="dateValiditeFin" field={DayField} />
      <DataTable.Col source="deposeLe" field={DateTimeField} />
      <DataTable.Col source="verifieLe" field={DateTimeField} />
    </DataTable>
  </List>
);
