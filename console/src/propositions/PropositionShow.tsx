import { Show, TextField } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { SafeReferenceField } from '../common/links';
import { ShowSection } from '../common/ShowSection';

export const PropositionShow = () => (
  <Show>
    <ShowSection title="app.sections.suivi">
      <SafeReferenceField source="offreId" reference="offres" />
      <SafeReferenceField source="demandeurId" reference="demandeurs" />
      <EnumField source="statut" enumName="statutProposition" />
      <SafeReferenceField source="agentId" reference="agents" />
      <DateTimeField source="envoyeeLe" />
      <DateTimeField source="expireLe" />
      <DateTimeField source="reponduLe" />
      <SafeReferenceField source="candidatureId" reference="candidatures" />
    </ShowSection>
    <ShowSection title="app.sections.message">
      <TextField source="message" emptyText="—" className="full" sx={{ whiteSpace: 'pre-wrap' }} />
    </ShowSection>
  </Show>
);
