import { Chip, Typography } from '@mui/material';
import { DataTable, useListContext, useTranslate } from 'react-admin';
import { DateTimeField } from '../../common/fields';
import { EnumField } from '../../common/EnumField';
import { DemandeurNomField, RecordLink } from '../../common/links';
import { useCan } from '../../common/useAbility';
import { PalierField } from '../PalierField';
import type { CandidatureFile } from '../types';
import { ActionsGroupees } from '../groupees/ActionsGroupees';

/** Where the column choice is stored (ColumnsButton and the saved filters use it). */
export const COLONNES_STORE_KEY = 'candidatures.datatable';
/** Every column's source, in table order (saved filters record the visible ones). */
export const COLONNES = [
  'rang', 'reference', 'demandeurNom', 'offreReference', 'statut', 'palier', 'motifRang', 'dateCandidature',
  'departement', 'nature', 'publicCible', 'controleRenforce', 'origine', 'agentEnChargeNom',
];
/** Hidden until the agent shows them (« Colonnes »). */
export const COLONNES_CACHEES = ['publicCible', 'origine', 'nature'];

export const isByOffre = (filter: Record<string, unknown>) => filter.offreId != null && filter.offreId !== '';

function ControleRenforceFlag(_props: { source?: string }) {
  const translate = useTranslate();
  return <Chip size="small" color="warning" label={translate('resources.demandes.fields.controleRenforce')} />;
}

function Vide() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ p: 3, textAlign: 'center' }}>
      {translate('app.traitement.file.vide')}
    </Typography>
  );
}

/**
 * The queue's table. Filtered on one offer, it becomes that offer's ranking: rang, palier and its
 * explanation (R-RANK-EXPLAIN), without the columns the filter makes constant (offer, département).
 */
export function CandidatureTable() {
  const { filterValues } = useListContext<CandidatureFile>();
  const byOffre = isByOffre(filterValues);
  const groupees = [useCan('instruire', 'candidatures'), useCan('ne_pas_retenir', 'candidatures'), useCan('prendre', 'candidatures')].some(Boolean);
  return (
    <DataTable<CandidatureFile>
      rowClick="show"
      storeKey={COLONNES_STORE_KEY}
      hiddenColumns={COLONNES_CACHEES}
      bulkActionButtons={groupees ? <ActionsGroupees /> : false}
      empty={<Vide />}
      sx={{ '& .RaDataTable-headerCell': { lineHeight: 1.3 }, '& td, & th': { px: 1 }, '& td:first-of-type, & th:first-of-type': { pl: 1.5 } }}
    >
      {byOffre && <DataTable.NumberCol source="rang" options={{ maximumFractionDigits: 0 }} />}
      <DataTable.Col source="reference" sx={{ whiteSpace: 'nowrap' }} />
      <DataTable.Col source="demandeurNom" field={DemandeurNomField} sx={{ whiteSpace: 'nowrap' }} />
      {!byOffre && (
        <DataTable.Col
          source="offreReference"
          sx={{ whiteSpace: 'nowrap' }}
          render={(record) => (
            <RecordLink resource="offres" id={record.offreId}>
              {record.offreReference}
            </RecordLink>
          )}
        />
      )}
      <DataTable.Col source="statut">
        <EnumField source="statut" enumName="statutCandidature" />
      </DataTable.Col>
      {byOffre && <DataTable.Col source="palier" field={PalierField} />}
      {byOffre && <DataTable.Col source="motifRang" disableSort sx={{ minWidth: 200 }} />}
      {/* In a ranking, the explanation already gives the date. */}
      {!byOffre && <DataTable.Col source="dateCandidature" field={DateTimeField} />}
      {!byOffre && <DataTable.Col source="departement" />}
      <DataTable.Col source="nature">
        <EnumField source="nature" enumName="natureOffre" />
      </DataTable.Col>
      <DataTable.Col source="publicCible" label="resources.demandes.fields.publicCible" disableSort>
        <EnumField source="publicCible" enumName="publicCible" />
      </DataTable.Col>
      <DataTable.Col
        source="controleRenforce"
        label="resources.demandes.fields.controleRenforce"
        disableSort
        render={(record) => (record.controleRenforce ? <ControleRenforceFlag /> : null)}
      />
      <DataTable.Col source="origine">
        <EnumField source="origine" enumName="origineCandidature" />
      </DataTable.Col>
      <DataTable.Col source="agentEnChargeNom" />
    </DataTable>
  );
}
