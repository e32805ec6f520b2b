import { DataTable, List } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { departementFilter, enumFilter, searchFilter } from '@console/common/filters';
import { DemandeurNomField, RecordLink } from '@console/common/links';
import type { Proposition } from '@console/data/records';

const filters = [searchFilter(), enumFilter('statut', 'statutProposition', true), departementFilter()];

type Row = Proposition & { demandeurNom?: string; demandeurPrenom?: string; offreReference?: string; agentNom?: string };

export const PropositionList = () => (
  <List<Row> filters={filters} sort={{ field: 'envoyeeLe', order: 'DESC' }} perPage={25}>
    <DataTable<Row> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col
        source="offreReference"
        render={(r) => (
          <RecordLink resource="offres" id={r.offreId}>
            {r.offreReference ?? `n° ${r.offreId}`}
          </RecordLink>
        )}
      />
      <DataTable.Col source="demandeurNom" field={DemandeurNomField} />
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutProposition" />
      </DataTable.Col>
      <DataTable.Col source="envoyeeLe" field={DateTimeField} />
      <DataTable.Col source="expireLe" field={DateTimeField} />
      <DataTable.Col source="reponduLe" field={DateTimeField} />
      <DataTable.Col source="agentNom" label="resources.propositions.fields.agentId" />
    </DataTable>
  </List>
);
