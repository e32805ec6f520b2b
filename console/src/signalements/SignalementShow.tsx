import { ReferenceArrayField, Show, SingleFieldList, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { SafeReferenceField } from '@console/common/links';
import { ShowSection } from '@console/common/ShowSection';
import { DesactiverComptesButton } from './DesactiverComptesButton';
import { Preuves } from './Preuves';
import { ConclureButtons, PrendreButton } from './SignalementActions';
import { ScoreField } from './ScoreField';

const Actions = () => (
  <TopToolbar>
    <PrendreButton />
    <ConclureButtons />
    <DesactiverComptesButton />
  </TopToolbar>
);

/**
 * A fraud signal (controle_fraude only; every read is audited by the server): its follow-up, the
 * actions of its workflow, and the evidence side by side.
 */
export const SignalementShow = () => (
  <Show actions={<Actions />}>
    <ShowSection title="app.sections.suivi">
      <EnumField source="type" enumName="typeSignalement" />
      <ScoreField source="score" />
      <EnumField source="statut" enumName="statutSignalement" />
      <DateTimeField source="createdAt" />
      <SafeReferenceField source="assigneeId" reference="agents" />
      <ReferenceArrayField source="demandeurIds" reference="demandeurs" className="full">
        <SingleFieldList linkType="show" />
      </ReferenceArrayField>
      <TextField source="conclusion" emptyText="—" className="full" sx={{ whiteSpace: 'pre-wrap' }} />
    </ShowSection>
    <ShowSection title="app.fraude.preuves.titre">
      <Preuves label={false} className="full" />
    </ShowSection>
  </Show>
);
