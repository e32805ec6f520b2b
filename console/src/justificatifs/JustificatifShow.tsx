import { Show, TextField } from 'react-admin';
import { BytesField, DateTimeField, DayField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { DemandeurNomField, SafeReferenceField } from '@console/common/links';
import { ShowSection } from '@console/common/ShowSection';
import { useCan } from '@console/common/useAbility';
import { MetadonneesPdfField } from '@console/signalements/MetadonneesPdf';
import { FichierButton } from './FichierButton';

export function JustificatifShow() {
  // R-FRAUD-VIS: fraud fields exist only for controle_fraude (the server does not send them to others).
  const canReadFraud = useCan('read', 'justificatifs', 'motifFalsification');
  return (
    <Show>
      <ShowSection title="app.sections.suivi">
        <EnumField source="type" enumName="typeJustificatif" />
        <EnumField source="titulaire" enumName="titulaire" />
        <EnumField source="statut" enumName="statutJustificatif" />
        <DayField source="dateValiditeFin" />
        <DateTimeField source="deposeLe" />
        <DateTimeField source="verifieLe" />
        <SafeReferenceField source="verifieParId" reference="agents" />
        <TextField source="motifRefus" emptyText="—" className="full" />
      </ShowSection>
      <ShowSection title="app.sections.identite">
        <DemandeurNomField source="demandeurNom" />
        <SafeReferenceField source="demandeId" reference="demandes" />
      </ShowSection>
      <ShowSection title="app.sections.fichier">
        <TextField source="nomOriginal" />
        <TextField source="mime" />
        <BytesField source="taille" />
        <FichierButton resource="justificatifs" label={false} />
      </ShowSection>
      {canReadFraud && (
        <ShowSection title="app.sections.fraude">
          <TextField source="motifFalsification" emptyText="—" className="full" />
          <MetadonneesPdfField source="metadonneesPdf" className="full" />
        </ShowSection>
      )}
    </Show>
  );
}
