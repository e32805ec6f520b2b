import { NumberField, Show, TextField } from 'react-admin';
import { EnumField } from '@console/common/EnumField';
import { ShowSection } from '@console/common/ShowSection';

export const EntrepriseShow = () => (
  <Show>
    <ShowSection title="app.sections.identite">
      <TextField source="raisonSociale" />
      <TextField source="siret" />
      <EnumField source="contribution" enumName="contribution" />
      <NumberField source="droitsPseecRestants" emptyText="—" />
    </ShowSection>
  </Show>
);
