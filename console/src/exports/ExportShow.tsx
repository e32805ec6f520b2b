import { NumberField, Show, TextField, TopToolbar, useRecordContext } from 'react-admin';
import { EnvoyerBailleurButton } from '@console/bailleurs/envois/EnvoyerBailleurButton';
import type { Export } from '@console/data/records';
import { BytesField, DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { ParamsExport } from './ParamsExport';
import { SafeReferenceField } from '@console/common/links';
import { ShowSection } from '@console/common/ShowSection';
import { FichierButton } from '@console/justificatifs/FichierButton';
import { pollFicheSiEnCours } from './polling';
import { ProgressionField } from './ProgressionField';

/** A finished designations export can go to its bailleur as a link (its candidatures still awaiting it). */
function EnvoyerExport() {
  const x = useRecordContext<Export>();
  if (!x || x.kind !== 'designations_bailleur' || x.statut !== 'termine') return null;
  return <EnvoyerBailleurButton source="exports" id={x.id} variant="contained" />;
}

export const ExportShow = () => (
  <Show queryOptions={{ refetchInterval: pollFicheSiEnCours }} actions={<TopToolbar><EnvoyerExport /></TopToolbar>}>
    <ShowSection title="app.pilotage.exports.historique">
      <EnumField source="kind" enumName="typeExport" />
      <TextField source="destinataire" />
      <EnumField source="statut" enumName="statutExport" />
      <ProgressionField source="progression" />
      <SafeReferenceField source="agentId" reference="agents" />
      <DateTimeField source="createdAt" />
      <DateTimeField source="termineLe" />
      <DateTimeField source="expireLe" />
      <ParamsExport source="params" className="full" />
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
