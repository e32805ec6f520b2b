import { AutocompleteInput, BooleanField, DataTable, List, ReferenceInput } from 'react-admin';
import { DayField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { booleanFilter, departementFilter, enumFilter, searchFilter } from '../common/filters';
import type { Offre } from '../data/records';
import { LoyerField } from './OffreFields';

const filters = [
  searchFilter(),
  booleanFilter('publiee', true),
  departementFilter(),
  enumFilter('nature', 'natureOffre'),
  enumFilter('forme', 'formeOffre'),
  enumFilter('typologie', 'typologie'),
  enumFilter('reglementation', 'reglementation'),
  <ReferenceInput key="bailleurId" source="bailleurId" reference="bailleurs" sort={{ field: 'nom', order: 'ASC' }}>
    <AutocompleteInput filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

export const OffreList = () => (
  <List<Offre> filters={filters} sort={{ field: 'reference', order: 'ASC' }} perPage={25}>
    <DataTable<Offre> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="reference" />
      <DataTable.Col source="titre" sx={{ minWidth: 260 }} />
      <DataTable.Col source="commune" render={(r) => `${r.commune} (${r.departement})`} />
      <DataTable.Col source="typologie">
        <EnumField source="typologie" enumName="typologie" />
      </DataTable.Col>
      <DataTable.Col source="nature">
        <EnumField source="nature" enumName="natureOffre" />
      </DataTable.Col>
      <DataTable.Col source="reglementation">
        <EnumField source="reglementation" enumName="reglementation" />
      </DataTable.Col>
      <DataTable.Col source="loyer" label="app.offres.loyer" field={LoyerField} />
      <DataTable.Col source="publiee" field={BooleanField} />
      <DataTable.Col source="finPublication" field={DayField} />
      <DataTable.NumberCol source="nbCandidaturesOuvertes" />
    </DataTable>
  </List>
);
