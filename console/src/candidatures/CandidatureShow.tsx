import { Card } from '@mui/material';
import { DataTable, ReferenceManyField, Show, TextField, useTranslate } from 'react-admin';
import { DateTimeField, DayField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { DemandeurNomField, SafeReferenceField } from '../common/links';
import { ShowSection } from '../common/ShowSection';
import { useCan } from '../common/useAbility';
import type { Justificatif } from '../data/records';

/** The pieces of the candidature's demande, what an advisor checks before designating. */
function JustificatifsDeLaDemande(_props: { label: string; className?: string }) {
  const translate = useTranslate();
  return (
    <ReferenceManyField reference="justificatifs" target="demandeId" source="demandeId" sort={{ field: 'type', order: 'ASC' }} perPage={50}>
      <DataTable<Justificatif> bulkActionButtons={false} rowClick="show" empty={<>{translate('resources.justificatifs.empty')}</>}>
        <DataTable.Col source="type">
          <EnumField source="type" enumName="typeJustificatif" />
        </DataTable.Col>
        <DataTable.Col source="titulaire">
          <EnumField source="titulaire" enumName="titulaire" />
        </DataTable.Col>
        <DataTable.Col source="statut">
          <EnumField source="statut" enumName="statutJustificatif" />
        </DataTable.Col>
        <DataTable.Col source="dateValiditeFin" field={DayField} />
        <DataTable.Col source="deposeLe" field={DateTimeField} />
      </DataTable>
    </ReferenceManyField>
  );
}

export function CandidatureShow() {
  const canReadJustificatifs = useCan('read', 'justificatifs');
  return (
  <Show component={Card}>
    <ShowSection title="app.sections.suivi">
      <TextField source="reference" />
      <EnumField source="statut" enumName="statutCandidature" />
      <DateTimeField source="dateCandidature" />
      <EnumField source="origine" enumName="origineCandidature" />
      <EnumField source="nature" enumName="natureOffre" />
      <TextField source="departement" />
      <TextField source="agentEnChargeNom" emptyText="—" />
      <DateTimeField source="priseEnChargeLe" />
      <DateTimeField source="designeeLe" />
      <DateTimeField source="clotureLe" />
      <EnumField source="canal" enumName="canalDemande" />
      <TextField source="motif" emptyText="—" className="full" />
    </ShowSection>
    <ShowSection title="app.sections.identite">
      <DemandeurNomField source="demandeurNom" />
      <SafeReferenceField source="demandeId" reference="demandes" />
      <SafeReferenceField source="offreId" reference="offres" />
      {canReadJustificatifs && <JustificatifsDeLaDemande label="app.sections.justificatifs" className="full" />}
    </ShowSection>
  </Show>
  );
}
