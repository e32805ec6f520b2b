import { DataTable, List, SelectInput, TextInput } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { enumFilter, searchFilter } from '../common/filters';
import type { Notification } from '../data/records';
import { RenvoyerButton } from './RenvoyerButton';
import { TemplateField } from './TemplateField';
import { templateChoices } from './templates';

/** Addresses are stored lower-cased: the recipient filter is an exact, case-insensitive match. */
const adresse = (v: string) => v.trim().toLowerCase();

const filters = [
  searchFilter(),
  enumFilter('statut', 'statutNotification', true),
  <TextInput key="destinataire" source="destinataire" parse={adresse} alwaysOn />,
  <SelectInput key="template" source="template" choices={templateChoices} />,
];

/** The outbox (admin): every notification, newest first; a failed one can be resent. */
export const NotificationList = () => (
  <List<Notification> filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
    <DataTable<Notification> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="destinataire" />
      <DataTable.Col source="sujet" />
      <DataTable.Col source="template" field={TemplateField} />
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutNotification" />
      </DataTable.Col>
      <DataTable.NumberCol source="tentatives" />
      <DataTable.Col source="envoyeeLe" field={DateTimeField} />
      <DataTable.Col label="app.taches.colonnes.actions">
        <RenvoyerButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
