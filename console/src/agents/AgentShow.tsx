import { BooleanField, EditButton, EmailField, Show, TextArrayField, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { ShowSection } from '@console/common/ShowSection';
import { RevoquerSessionsButton } from './RevoquerSessionsButton';

const Actions = () => (
  <TopToolbar>
    <RevoquerSessionsButton />
    <EditButton />
  </TopToolbar>
);

export const AgentShow = () => (
  <Show actions={<Actions />}>
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
