import { BooleanField, Show, TextField, TopToolbar } from 'react-admin';
import { DayField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { DemandeurNomField, SafeReferenceField } from '@console/common/links';
import { ShowSection } from '@console/common/ShowSection';
import { useCan } from '@console/common/useAbility';
import { LeverButton } from './LeverButton';

const Actions = () => (
  <TopToolbar>
    <LeverButton />
  </TopToolbar>
);

export function SuspensionShow() {
  // R-FRAUD-VIS: others only see that the demandeur is suspended, and until when (the server sends nothing more).
  const canReadFraud = useCan('read', 'suspensions', 'motif');
  return (
    <Show actions={<Actions />}>
      <ShowSection title="app.sections.suivi">
        <DemandeurNomField source="demandeurNom" />
        <DayField source="debut" />
        <DayField source="fin" />
        <TextField source="dureeMois" />
        <BooleanField source="active" />
        <DayField source="leveeLe" />
      </ShowSection>
      {canReadFraud && (
        <ShowSection title="app.sections.fraude">
          <EnumField source="type" enumName="typeSuspension" />
          <BooleanField source="recidive" />
          <SafeReferenceField source="creeParId" reference="agents" />
          <SafeReferenceField source="leveeParId" reference="agents" />
          <TextField source="motif" className="full" sx={{ whiteSpace: 'pre-wrap' }} />
          <TextField source="motifLevee" emptyText="—" className="full" sx={{ whiteSpace: 'pre-wrap' }} />
        </ShowSection>
      )}
    </Show>
  );
}
