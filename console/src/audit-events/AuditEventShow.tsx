import { Show, TextField } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { JsonField } from '../common/JsonField';
import { ShowSection } from '../common/ShowSection';
import { useCan } from '../common/useAbility';

export function AuditEventShow() {
  const canReadDetails = useCan('read', 'audit-events', 'details');
  return (
    <Show>
      <ShowSection title="app.sections.historique">
        <DateTimeField source="at" />
        <EnumField source="acteurType" enumName="acteur" />
        <TextField source="acteurId" emptyText="—" />
        <TextField source="action" />
        <TextField source="entite" />
        <TextField source="entiteId" emptyText="—" />
        <TextField source="de" emptyText="—" />
        <TextField source="vers" emptyText="—" />
        <TextField source="motif" emptyText="—" className="full" />
        {canReadDetails && <JsonField source="details" className="full" />}
      </ShowSection>
    </Show>
  );
}
