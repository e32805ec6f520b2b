import { DataTable, ReferenceManyField, Show, TextField } from 'react-admin';
import { EnumField } from '@console/common/EnumField';
import { SafeReferenceField } from '@console/common/links';
import { RelatedEmpty, type RelatedSlot } from '@console/common/related';
import { ShowSection } from '@console/common/ShowSection';
import { useCan } from '@console/common/useAbility';
import type { Offre } from '@console/data/records';

const OffresDuProgramme = (_: RelatedSlot) => (
  <ReferenceManyField reference="offres" target="programmeId" sort={{ field: 'reference', order: 'ASC' }} perPage={50}>
    <DataTable<Offre> rowClick="show" bulkActionButtons={false} empty={<RelatedEmpty resource="offres" />}>
      <DataTable.Col source="reference" />
      <DataTable.Col source="titre" />
      <DataTable.Col source="typologie" />
      <DataTable.Col source="nature">
        <EnumField source="nature" enumName="natureOffre" />
      </DataTable.Col>
    </DataTable>
  </ReferenceManyField>
);

export function ProgrammeShow() {
  const canReadOffres = useCan('read', 'offres');
  return (
    <Show>
      <ShowSection title="app.sections.localisation">
        <TextField source="nom" />
        <SafeReferenceField source="bailleurId" reference="bailleurs" />
        <TextField source="adresse" emptyText="—" />
        <TextField source="commune" />
        <TextField source="codePostal" />
        <TextField source="codeInsee" />
        <TextField source="departement" />
      </ShowSection>
      <ShowSection>{canReadOffres && <OffresDuProgramme label="app.sections.offres" className="full" />}</ShowSection>
    </Show>
  );
}
