import { DataTable, ReferenceManyField } from 'react-admin';
import { DateTimeField, DayField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { RelatedEmpty, type RelatedSlot } from '@console/common/related';
import type { Candidature, Demande, Suspension } from '@console/data/records';

export const DemandesDuDemandeur = (_: RelatedSlot) => (
  <ReferenceManyField reference="demandes" target="demandeurId" sort={{ field: 'createdAt', order: 'DESC' }}>
    <DataTable<Demande> rowClick="show" bulkActionButtons={false} empty={<RelatedEmpty resource="demandes" />}>
      <DataTable.Col source="reference" />
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutDemande" />
      </DataTable.Col>
      <DataTable.Col source="publicCible">
        <EnumField source="publicCible" enumName="publicCible" />
      </DataTable.Col>
      <DataTable.Col source="derniereMiseAJour" field={DateTimeField} />
    </DataTable>
  </ReferenceManyField>
);

export const CandidaturesDuDemandeur = (_: RelatedSlot) => (
  <ReferenceManyField reference="candidatures" target="demandeurId" sort={{ field: 'dateCandidature', order: 'DESC' }} perPage={50}>
    <DataTable<Candidature> rowClick="show" bulkActionButtons={false} empty={<RelatedEmpty resource="candidatures" />}>
      <DataTable.Col source="reference" />
      <DataTable.Col source="offreReference" />
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutCandidature" />
      </DataTable.Col>
      <DataTable.Col source="dateCandidature" field={DateTimeField} />
      <DataTable.Col source="departement" />
    </DataTable>
  </ReferenceManyField>
);

/** The type of a suspension is fraud data (R-FRAUD-VIS): others see only the dates. */
export const SuspensionsDuDemandeur = ({ fraude }: RelatedSlot & { fraude: boolean }) => (
  <ReferenceManyField reference="suspensions" target="demandeurId" sort={{ field: 'debut', order: 'DESC' }}>
    <DataTable<Suspension> rowClick="show" bulkActionButtons={false} empty={<RelatedEmpty resource="suspensions" />}>
      {fraude && (
        <DataTable.Col source="type">
          <EnumField source="type" enumName="typeSuspension" />
        </DataTable.Col>
      )}
      <DataTable.Col source="debut" field={DayField} />
      <DataTable.Col source="fin" field={DayField} />
      <DataTable.Col source="leveeLe" field={DayField} />
    </DataTable>
  </ReferenceManyField>
);
