import { FunctionField, Show, TextField, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { RecordLink } from '@console/common/links';
import { ShowSection } from '@console/common/ShowSection';
import type { Notification } from '@console/data/records';
import { RenvoyerButton } from './RenvoyerButton';
import { TemplateField } from './TemplateField';
import { useCan } from '@console/common/useAbility';

const Actions = () => (
  <TopToolbar>
    <RenvoyerButton />
  </TopToolbar>
);

/** Who the message is for, by name (a link to his file for the roles that may open it). */
function DemandeurNotification({ notification: n }: { notification: Notification }) {
  if (n.demandeurId == null) return <>—</>;
  return <RecordLink resource="demandeurs" id={n.demandeurId}>{n.demandeurNom ?? `n° ${n.demandeurId}`}</RecordLink>;
}

function CanalLibelle({ canal }: { canal: Notification['canal'] }) {
  const translate = useTranslate();
  return <>{canal ? translate(`app.boiteEnvoi.canaux.${canal}`, { _: canal }) : '—'}</>;
}

/** One outbox message: delivery state, then — for the roles that read messages — the text as the demandeur receives it. */
export const NotificationShow = () => {
  const corps = useCan('read', 'notifications', 'corps');
  return (
    <Show actions={<Actions />}>
      <ShowSection title="app.sections.suivi">
        <TextField source="destinataire" />
        <FunctionField<Notification> source="demandeurId" render={(n) => <DemandeurNotification notification={n} />} />
        <TemplateField source="template" />
        <EnumField source="statut" enumName="statutNotification" />
        <TextField source="tentatives" />
        <DateTimeField source="createdAt" />
        <DateTimeField source="prochainEssai" />
        <DateTimeField source="envoyeeLe" />
        <FunctionField<Notification> source="canal" render={(n) => <CanalLibelle canal={n.canal} />} />
        <TextField source="messageId" emptyText="—" />
        <TextField source="erreur" emptyText="—" className="full" />
      </ShowSection>
      {corps && (
        <ShowSection title="app.sections.message">
          <TextField source="sujet" className="full" />
          <TextField source="corps" className="full" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} />
        </ShowSection>
      )}
    </Show>
  );
};
