import { Show, TextField } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { SafeReferenceField } from '@console/common/links';
import { ShowSection } from '@console/common/ShowSection';

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
