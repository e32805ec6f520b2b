import { DataTable, List, ReferenceArrayField, SingleFieldList } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { enumFilter } from '../common/filters';
import { SafeReferenceField } from '../common/links';
import type { Signalement } from '../data/records';

const filters = [enumFilter('statut', 'statutSignalement', true), enumFilter('type', 'typeSignalement', true)];

export const SignalementList = () => (
  <List<Signalement> filters={filters} filterDefaultValues={{ statut: 'nouveau' }} sort={{ field: 'score', order: 'DESC' }} perPage={25}>
    <DataTable<Signalement> rowClick="show" bulkActionButtons={false}>
      <DataTable.NumberCol source="score" />
      <DataTable.Col source="type">
        <EnumField source="type" enumName="typeSignalement" />
      </DataTable.Col>
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutSignalement" />
      </DataTable.Col>
      <DataTable.Col source="demandeurIds" disableSort>
        <ReferenceArrayField source="demandeurIds" reference="demandeurs">
          <SingleFieldList linkType={false} />
        </ReferenceArrayField>
      </DataTable.Col>
      <DataTable.Col source="assigneeId" disableSort>
        <SafeReferenceField source="assigneeId" reference="agents" link={false} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" field={DateTimeField} />
    </DataTable>
  </List>
);
