import { Show, TextField } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { SafeReferenceField } from '../common/links';
import { ShowSection } from '../common/ShowSection';

export const NotificationShow = () => (
  <Show>
    <ShowSection title="app.sections.suivi">
      <TextField source="destinataire" />
      <SafeReferenceField source="demandeurId" reference="demandeurs" />
      <TextField source="template" />
      <EnumField source="statut" enumName="statutNotification" />
      <TextField source="tentatives" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="envoyeeLe" />
      <TextField source="erreur" emptyText="—" className="full" />
    </ShowSection>
    <ShowSection title="app.sections.message">
      <TextField source="sujet" className="full" />
      <TextField source="corps" className="full" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} />
    </ShowSection>
  </Show>
);
