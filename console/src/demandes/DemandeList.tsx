import { DataTable, List } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { booleanFilter, enumFilter, searchFilter } from '@console/common/filters';
import { DemandeurNomField } from '@console/common/links';
import type { Demande } from '@console/data/records';
import { ControleRenforceChip } from './ControleRenforceChip';

const filters = [
  searchFilter(),
  enumFilter('statut', 'statutDemande', true),
  enumFilter('publicCible', 'publicCible'),
  enumFilter('situationsPrioritaires', 'situationPrioritaire'),
  enumFilter('motifCloture', 'motifClotureVisible'),
  booleanFilter('controleRenforce'),
  booleanFilter('signaleReattribution'),
];

export const DemandeList = () => (
  <List<Demande> filters={filters} sort={{ field: 'derniereMiseAJour', order: 'DESC' }} perPage={25}>
    <DataTable<Demande> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="reference" />
      <DataTable.Col source="demandeurNom" field={DemandeurNomField} />
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutDemande" />
      </DataTable.Col>
      <DataTable.Col source="publicCible">
        <EnumField source="publicCible" enumName="publicCible" />
      </DataTable.Col>
      <DataTable.NumberCol source="nombrePersonnes" />
      <DataTable.Col source="controleRenforce" field={ControleRenforceChip} />
      <DataTable.Col source="derniereMiseAJour" field={DateTimeField} />
    </DataTable>
  </List>
);
