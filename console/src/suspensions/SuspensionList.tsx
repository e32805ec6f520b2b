import { BooleanField, DataTable, List } from 'react-admin';
import { DayField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { enumFilter, searchFilter } from '../common/filters';
import { DemandeurNomField } from '../common/links';
import { useCan } from '../common/useAbility';
import type { Suspension } from '../data/records';

const filters = [searchFilter(), enumFilter('type', 'typeSuspension', true)];

export function SuspensionList() {
  const canReadFraud = useCan('read', 'suspensions', 'recidive');
  return (
    <List<Suspension> filters={filters} sort={{ field: 'debut', order: 'DESC' }} perPage={25}>
      <DataTable<Suspension> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="demandeurNom" field={DemandeurNomField} />
        <DataTable.Col source="type">
          <EnumField source="type" enumName="typeSuspension" />
        </DataTable.Col>
        <DataTable.Col source="debut" field={DayField} />
        <DataTable.Col source="fin" field={DayField} />
        <DataTable.NumberCol source="dureeMois" />
        <DataTable.Col source="active" field={BooleanField} />
        <DataTable.Col source="leveeLe" field={DayField} />
        {canReadFraud && <DataTable.Col source="recidive" field={BooleanField} />}
      </DataTable>
    </List>
  );
}
