import { DataTable, List, SelectInput, TextInput } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { enumFilter, searchFilter } from '@console/common/filters';
import type { Notification } from '@console/data/records';
import { RenvoyerButton } from './RenvoyerButton';
import { TemplateField } from './TemplateField';
import { useCan } from '@console/common/useAbility';
import { templateChoices } from './templates';

/** Addresses are stored lower-cased: the recipient filter is an exact, case-insensitive match. */
const adresse = (v: string) => v.trim().toLowerCase();

const filters = [
  searchFilter(),
  enumFilter('statut', 'statutNotification', true),
  <TextInput key="destinataire" source="destinataire" parse={adresse} alwaysOn />,
  <SelectInput key="template" source="template" choices={templateChoices} />,
];

/**
 * The outbox, newest first: admins run it (a failed row can be resent) without reading the
 * messages; contrôle fraude also reads their subject and text (shared/abilities.ts).
 */
export const NotificationList = () => {
  const corps = useCan('read', 'notifications', 'sujet');
  return (
    <List<Notification> filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25}>
      <DataTable<Notification> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="createdAt" field={DateTimeField} />
        <DataTable.Col source="destinataire" />
        {corps && <DataTable.Col source="sujet" />}
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
};
