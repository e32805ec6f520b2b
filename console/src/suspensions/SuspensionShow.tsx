import { BooleanField, Show, TextField } from 'react-admin';
import { DayField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { DemandeurNomField } from '../common/links';
import { ShowSection } from '../common/ShowSection';
import { useCan } from '../common/useAbility';

export function SuspensionShow() {
  // R-FRAUD-VIS: others only see that the demandeur is suspended, and until when.
  const canReadFraud = useCan('read', 'suspensions', 'motif');
  return (
    <Show>
      <ShowSection title="app.sections.suivi">
        <DemandeurNomField source="demandeurNom" />
        <EnumField source="type" enumName="typeSuspension" />
        <DayField source="debut" />
        <DayField source="fin" />
        <TextField source="dureeMois" />
        <BooleanField source="active" />
        <DayField source="leveeLe" />
      </ShowSection>
      {canReadFraud && (
        <ShowSection title="app.sections.fraude">
          <BooleanField source="recidive" />
          <TextField source="motif" className="full" sx={{ whiteSpace: 'pre-wrap' }} />
          <TextField source="motifLevee" emptyText="—" className="full" />
        </ShowSection>
      )}
    </Show>
  );
}
