import { NumberField, Show, TextField } from 'react-admin';
import { BytesField, DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { JsonField } from '../common/JsonField';
import { SafeReferenceField } from '../common/links';
import { ShowSection } from '../common/ShowSection';
import { FichierButton } from '../justificatifs/FichierButton';
import { pollFicheSiEnCours } from './polling';
import { ProgressionField } from './ProgressionField';

export const ExportShow = () => (
  <Show queryOptions={{ refetchInterval: pollFicheSiEnCours }}>
    <ShowSection title="app.pilotage.exports.historique">
      <EnumField source="kind" enumName="typeExport" />
      <TextField source="destinataire" />
      <EnumField source="statut" enumName="statutExport" />
      <ProgressionField source="progression" />
      <SafeReferenceField source="agentId" reference="agents" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="termineLe" />
      <DateTimeField source="expireLe" />
      <JsonField source="params" className="full" />
      <TextField source="erreur" emptyText="—" className="full" />
    </ShowSection>
    <ShowSection title="app.sections.fichier">
      <TextField source="nomFichier" emptyText="—" />
      <NumberField source="lignes" emptyText="—" />
      <BytesField source="taille" />
      <FichierButton resource="exports" label={false} />
    </ShowSection>
  </Show>
);
