import { DataTable, FilterButton, List, NumberInput, TextInput, TopToolbar } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { enumFilter } from '@console/common/filters';
import type { AuditEvent } from '@console/data/records';
import { TransitionField } from './TransitionField';
import { ActeurAuditField, ActionAuditField } from './ActionAuditField';
import { VerifierJournalButton } from './VerifierJournalButton';

const filters = [
  <TextInput key="entite" source="entite" alwaysOn />,
  <NumberInput key="entiteId" source="entiteId" alwaysOn />,
  <TextInput key="action" source="action" />,
  enumFilter('acteurType', 'acteur'),
  <NumberInput key="acteurId" source="acteurId" />,
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <VerifierJournalButton />
  </TopToolbar>
);

export const AuditEventList = () => (
  <List<AuditEvent> filters={filters} actions={<Actions />} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <DataTable<AuditEvent> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="at" field={DateTimeField} />
      <DataTable.Col source="acteurType">
        <EnumField source="acteurType" enumName="acteur" />
      </DataTable.Col>
      <DataTable.Col source="acteurNom" disableSort field={ActeurAuditField} />
      <DataTable.Col source="action" field={ActionAuditField} />
      <DataTable.Col source="entite" />
      <DataTable.Col source="entiteId" />
      <DataTable.Col source="vers" disableSort field={TransitionField} />
      <DataTable.Col source="motif" />
    </DataTable>
  </List>
);
