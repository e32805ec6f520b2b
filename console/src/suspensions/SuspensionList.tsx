import { BooleanField, CreateButton, DataTable, DateInput, ExportButton, List, TopToolbar } from 'react-admin';
import { DayField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { booleanFilter, enumFilter, searchFilter } from '../common/filters';
import { DemandeurNomField } from '../common/links';
import { useCan } from '../common/useAbility';
import type { Suspension } from '../data/records';
import { LeverButton } from './LeverButton';

/** Filters everyone may use; the type and récidive are fraud data (the server refuses them to others). */
const filtresCommuns = [
  searchFilter(),
  booleanFilter('active', true),
  <DateInput key="debut_gte" source="debut_gte" label="app.fraude.filtres.debutApres" />,
  <DateInput key="debut_lte" source="debut_lte" label="app.fraude.filtres.debutAvant" />,
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
