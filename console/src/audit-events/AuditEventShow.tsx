import { Show, TextField } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { ShowSection } from '@console/common/ShowSection';
import { useCan } from '@console/common/useAbility';
import { ActeurAuditField, ActionAuditField } from './ActionAuditField';
import { DetailsAuditField } from './DetailsAuditField';
import { EntiteAuditField, StatutAuditField } from './TransitionField';

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
        <EntiteAuditField source="entite" />
        <TextField source="entiteId" emptyText="—" />
        <StatutAuditField source="de" />
        <StatutAuditField source="vers" />
        <TextField source="motif" emptyText="—" className="full" />
        {canReadDetails && <DetailsAuditField source="details" className="full" />}
      </ShowSection>
    </Show>
  );
}
