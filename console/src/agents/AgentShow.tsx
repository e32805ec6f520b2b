import { BooleanField, EmailField, Show, TextArrayField, TextField } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { ShowSection } from '../common/ShowSection';

export const AgentShow = () => (
  <Show>
    <ShowSection title="app.sections.identite">
      <TextField source="nom" />
      <TextField source="prenom" />
      <EmailField source="email" />
      <EnumField source="role" enumName="role" />
      <TextArrayField source="territoires" size="small" emptyText="—" />
      <BooleanField source="actif" />
      <DateTimeField source="createdAt" />
    </ShowSection>
  </Show>
);
