import { BooleanField, DataTable, EmailField, ReferenceManyField, Show, TextField } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { RelatedEmpty, type RelatedSlot } from '@console/common/related';
import { ShowSection } from '@console/common/ShowSection';
import type { Programme } from '@console/data/records';

const ProgrammesDuBailleur = (_: RelatedSlot) => (
  <ReferenceManyField reference="programmes" target="bailleurId" sort={{ field: 'nom', order: 'ASC' }} perPage={50}>
    <DataTable<Programme> rowClick="show" bulkActionButtons={false} empty={<RelatedEmpty resource="programmes" />}>
      <DataTable.Col source="nom" />
      <DataTable.Col source="commune" />
      <DataTable.Col source="departement" />
    </DataTable>
  </ReferenceManyField>
);

export const BailleurShow = () => (
  <Show>
    <ShowSection title="app.sections.identite">
      <TextField source="nom" />
      <TextField source="siren" />
      <EmailField source="email" />
      <BooleanField source="estInli" />
      <DateTimeField source="createdAt" />
    </ShowSection>
    <ShowSection>
      <ProgrammesDuBailleur label="app.sections.programmes" className="full" />
    </ShowSection>
  </Show>
);
