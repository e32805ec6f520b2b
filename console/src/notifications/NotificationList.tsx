import { DataTable, List, TextInput } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { enumFilter, searchFilter } from '../common/filters';
import type { Notification } from '../data/records';

const filters = [searchFilter(), enumFilter('statut', 'statutNotification', true), <TextInput key="template" source="template" />];

export const NotificationList = () => (
  <List<Notification> filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <DataTable<Notification> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="destinataire" />
      <DataTable.Col source="sujet" />
      <DataTable.Col source="template" />
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutNotification" />
      </DataTable.Col>
      <DataTable.NumberCol source="tentatives" />
      <DataTable.Col source="envoyeeLe" field={DateTimeField} />
    </DataTable>
  </List>
);
