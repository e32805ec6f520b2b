import { DataTable, List, NumberInput, TextInput } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { enumFilter } from '../common/filters';
import type { AuditEvent } from '../data/records';
import { TransitionField } from './TransitionField';

const filters = [
  <TextInput key="entite" source="entite" alwaysOn />,
  <NumberInput key="entiteId" source="entiteId" alwaysOn />,
  <TextInput key="action" source="action" />,
  enumFilter('acteurType', 'acteur'),
  <NumberInput key="acteurId" source="acteurId" />,
];

export const AuditEventList = () => (
  <List<AuditEvent> filters={filters} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <DataTable<AuditEvent> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="at" field={DateTimeField} />
      <DataTable.Col source="acteurType">
        <EnumField source="acteurType" enumName="acteur" />
      </DataTable.Col>
      <DataTable.Col source="acteurId" />
      <DataTable.Col source="action" />
      <DataTable.Col source="entite" />
      <DataTable.Col source="entiteId" />
      <DataTable.Col source="vers" disableSort field={TransitionField} />
      <DataTable.Col source="motif" />
    </DataTable>
  </List>
);
