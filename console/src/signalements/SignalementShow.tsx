import { ReferenceArrayField, Show, SingleFieldList, TextField } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { JsonField } from '../common/JsonField';
import { SafeReferenceField } from '../common/links';
import { ShowSection } from '../common/ShowSection';

export const SignalementShow = () => (
  <Show>
    <ShowSection title="app.sections.suivi">
      <EnumField source="type" enumName="typeSignalement" />
      <TextField source="score" />
      <EnumField source="statut" enumName="statutSignalement" />
      <DateTimeField source="createdAt" />
      <SafeReferenceField source="assigneeId" reference="agents" />
      <ReferenceArrayField source="demandeurIds" reference="demandeurs" className="full">
        <SingleFieldList linkType="show" />
      </ReferenceArrayField>
      <TextField source="conclusion" emptyText="—" className="full" sx={{ whiteSpace: 'pre-wrap' }} />
    </ShowSection>
    <ShowSection title="app.sections.fraude">
      <JsonField source="preuves" className="full" />
    </ShowSection>
  </Show>
);
