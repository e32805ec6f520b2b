import { BooleanField, CreateButton, DataTable, ExportButton, List, TopToolbar } from 'react-admin';
import { DateFrInput } from '@console/common/DateFrInput';
import { DayField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { booleanFilter, enumFilter, searchFilter } from '@console/common/filters';
import { DemandeurNomField } from '@console/common/links';
import { useCan } from '@console/common/useAbility';
import type { Suspension } from '@console/data/records';
import { LeverButton } from './LeverButton';

/** Filters everyone may use; the type and récidive are fraud data (the server refuses them to others). */
const filtresCommuns = [
  searchFilter(),
  booleanFilter('active', true),
  <DateFrInput key="debut_gte" source="debut_gte" label="app.fraude.filtres.debutApres" />,
  <DateFrInput key="debut_lte" source="debut_lte" label="app.fraude.filtres.debutAvant" />,
];
const filtresFraude = [...filtresCommuns, enumFilter('type', 'typeSuspension', true), booleanFilter('recidive')];

const Actions = ({ canCreate }: { canCreate: boolean }) => (
  <TopToolbar>
    {canCreate && <CreateButton label="app.fraude.actions.nouvelleSuspension" />}
    <ExportButton />
  </TopToolbar>
);

/** The suspensions register (R-SUSP): in force or not, by period; fraud control also by type and récidive, and lifts from here. */
export function SuspensionList() {
  const canReadFraud = useCan('read', 'suspensions', 'motif');
  const canCreate = useCan('create', 'suspensions');
  return (
    <List<Suspension>
      filters={canReadFraud ? filtresFraude : filtresCommuns}
      sort={{ field: 'debut', order: 'DESC' }}
      perPage={25}
      actions={<Actions canCreate={canCreate} />}
    >
      <DataTable<Suspension> rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="demandeurNom" field={DemandeurNomField} />
        {canReadFraud && (
          <DataTable.Col source="type">
            <EnumField source="type" enumName="typeSuspension" />
          </DataTable.Col>
        )}
        <DataTable.Col source="debut" field={DayField} />
        <DataTable.Col source="fin" field={DayField} />
        <DataTable.NumberCol source="dureeMois" />
        <DataTable.Col source="active" field={BooleanField} />
        <DataTable.Col source="leveeLe" field={DayField} />
        {canReadFraud && <DataTable.Col source="recidive" field={BooleanField} />}
        {canReadFraud && (
          <DataTable.Col label={false} disableSort>
            <LeverButton />
          </DataTable.Col>
        )}
      </DataTable>
    </List>
  );
}
