import { DataTable, List } from 'react-admin';
import { BytesField, DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { enumFilter, searchFilter } from '@console/common/filters';
import { SafeReferenceField } from '@console/common/links';
import type { Export } from '@console/data/records';
import { FichierButton } from '@console/justificatifs/FichierButton';
import { pollListeSiEnCours } from './polling';
import { ProgressionField } from './ProgressionField';

const filters = [searchFilter(), enumFilter('statut', 'statutExport', true), enumFilter('kind', 'typeExport', true)];

export const ExportList = () => (
  <List<Export> filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} perPage={25} queryOptions={{ refetchInterval: pollListeSiEnCours }}>
    <DataTable<Export> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="kind">
        <EnumField source="kind" enumName="typeExport" />
      </DataTable.Col>
      <DataTable.Col source="destinataire" />
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutExport" />
      </DataTable.Col>
      <DataTable.Col source="progression" field={ProgressionField} />
      <DataTable.NumberCol source="lignes" />
      <DataTable.Col source="taille" field={BytesField} />
      <DataTable.Col source="agentId" disableSort>
        <SafeReferenceField source="agentId" reference="agents" link={false} />
      </DataTable.Col>
      <DataTable.Col source="createdAt" field={DateTimeField} />
      <DataTable.Col source="nomFichier" disableSort render={(r) => (r.statut === 'termine' ? <FichierButton resource="exports" /> : null)} />
    </DataTable>
  </List>
);
