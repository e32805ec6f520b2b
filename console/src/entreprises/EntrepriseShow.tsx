import { NumberField, Show, TextField } from 'react-admin';
import { EnumField } from '../common/EnumField';
import { ShowSection } from '../common/ShowSection';

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
