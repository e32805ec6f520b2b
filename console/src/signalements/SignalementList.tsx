import { FormControlLabel, Switch } from '@mui/material';
import { DataTable, List, NumberInput, ReferenceArrayField, SingleFieldList, TopToolbar, useGetIdentity, useInput, useTranslate } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { enumFilter } from '@console/common/filters';
import { SafeReferenceField } from '@console/common/links';
import type { Signalement } from '@console/data/records';
import { AnalyserButton } from './AnalyserButton';
import { ScoreField } from './ScoreField';
import { PrendreButton } from './SignalementActions';

/** « Assignés à moi »: the signals the signed-in agent took. */
function MesSignalementsInput({ source }: { source: string; alwaysOn?: boolean }) {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const { field } = useInput({ source });
  const checked = identity != null && field.value != null && String(field.value) === String(identity.id);
  return (
    <FormControlLabel
      sx={{ mb: 1, ml: 0 }}
      control={<Switch size="small" checked={checked} onChange={(_, on) => field.onChange(on && identity ? identity.id : undefined)} />}
      label={translate('app.fraude.filtres.mesSignalements')}
    />
  );
}

const filters = [
  enumFilter('statut', 'statutSignalement', true),
  enumFilter('type', 'typeSignalement', true),
  <NumberInput key="score_gte" source="score_gte" label="app.fraude.filtres.scoreMin" min={0} max={100} step={10} alwaysOn sx={{ width: 150 }} />,
  <MesSignalementsInput key="assigneeId" source="assigneeId" alwaysOn />,
];

const Actions = () => (
  <TopToolbar>
    <AnalyserButton />
  </TopToolbar>
);

/** The fraud signals queue, highest score first (controle_fraude only; the server audits every read). */
export const SignalementList = () => (
  <List<Signalement> filters={filters} filterDefaultValues={{ statut: 'nouveau' }} sort={{ field: 'score', order: 'DESC' }} perPage={25} actions={<Actions />}>
    <DataTable<Signalement> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="score" field={ScoreField} />
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
      <DataTable.Col label={false} disableSort>
        <PrendreButton />
      </DataTable.Col>
    </DataTable>
  </List>
);
