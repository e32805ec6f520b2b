import { FunctionField, Show, TextField, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { SafeReferenceField } from '../common/links';
import { ShowSection } from '../common/ShowSection';
import type { Notification } from '../data/records';
import { RenvoyerButton } from './RenvoyerButton';
import { TemplateField } from './TemplateField';

const Actions = () => (
  <TopToolbar>
    <RenvoyerButton />
  </TopToolbar>
);

function CanalLibelle({ canal }: { canal: Notification['canal'] }) {
  const translate = useTranslate();
  return <>{canal ? translate(`app.boiteEnvoi.canaux.${canal}`, { _: canal }) : '—'}</>;
}

/** One outbox message: delivery state, then the message as the demandeur receives it. */
export const NotificationShow = () => (
  <Show actions={<Actions />}>
    <ShowSection title="app.sections.suivi">
      <TextField source="destinataire" />
      <SafeReferenceField source="demandeurId" reference="demandeurs" />
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
    <ShowSection title="app.sections.message">
      <TextField source="sujet" className="full" />
      <TextField source="corps" className="full" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} />
    </ShowSection>
  </Show>
);
