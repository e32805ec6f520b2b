import { DataTable, ReferenceManyField } from 'react-admin';
import { DateTimeField, DayField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { RelatedEmpty, type RelatedSlot } from '@console/common/related';
import type { Candidature, Justificatif } from '@console/data/records';

export const CandidaturesDeLaDemande = (_: RelatedSlot) => (
  <ReferenceManyField reference="candidatures" target="demandeId" sort={{ field: 'dateCandidature', order: 'DESC' }} perPage={50}>
    <DataTable<Candidature> rowClick="show" bulkActionButtons={false} empty={<RelatedEmpty resource="candidatures" />}>
      <DataTable.Col source="reference" />
      <DataTable.Col source="offreReference" />
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutCandidature" />
      </DataTable.Col>
      <DataTable.Col source="dateCandidature" field={DateTimeField} />
      <DataTable.Col source="agentEnChargeNom" />
    </DataTable>
  </ReferenceManyField>
);

/** The pieces of a demande, what an advisor checks before designating. */
export const JustificatifsDeLaDemande = ({ source = 'id' }: RelatedSlot) => (
  <ReferenceManyField reference="justificatifs" target="demandeId" source={source} sort={{ field: 'type', order: 'ASC' }} perPage={50}>
    <DataTable<Justificatif> rowClick="show" bulkActionButtons={false} empty={<RelatedEmpty resource="justificatifs" />}>
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
