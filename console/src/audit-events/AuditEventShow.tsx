import { Show, TextField } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { JsonField } from '@console/common/JsonField';
import { ShowSection } from '@console/common/ShowSection';
import { useCan } from '@console/common/useAbility';
import { ActeurAuditField, ActionAuditField } from './ActionAuditField';

export function AuditEventShow() {
  const canReadDetails = useCan('read', 'audit-events', 'details');
  return (
    <Show>
      <ShowSection title="app.sections.historique">
        <DateTimeField source="at" />
        <EnumField source="acteurType" enumName="acteur" />
        <ActeurAuditField source="acteurNom" />
        <TextField source="acteurId" emptyText="—" />
        <ActionAuditField source="action" />
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
