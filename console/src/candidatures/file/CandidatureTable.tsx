import { Chip, Typography } from '@mui/material';
import { forwardRef, useRef, type KeyboardEvent, type RefObject } from 'react';
import { DataTable, DataTableBody, DataTableRow, useListContext, useTranslate, type DataTableBodyProps, type DataTableRowProps, useGetIdentity } from 'react-admin';
import { AideRaccourcis, type Raccourci } from '@console/common/AideRaccourcis';
import { useRaccourcis } from '@console/common/raccourcis';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { DemandeurNomField, RecordLink } from '@console/common/links';
import { useCan } from '@console/common/useAbility';
import { PalierField } from '@console/candidatures/PalierField';
import type { CandidatureFile } from '@console/candidatures/types';
import { ActionsGroupees } from '@console/candidatures/groupees/ActionsGroupees';
import { ModifieDepuisVisiteChip } from '@console/candidatures/suivi/Suivi';

/** Where the column choice is stored (ColumnsButton and the saved filters use it). */
export const COLONNES_STORE_KEY = 'candidatures.datatable';
/** Every column's source, in table order (saved filters record the visible ones). */
export const COLONNES = [
  'rang', 'reference', 'demandeurNom', 'offreReference', 'statut', 'palier', 'motifRang', 'piecesAVerifier', 'joursAttente',
  'dateCandidature', 'departement', 'nature', 'publicCible', 'controleRenforce', 'origine', 'agentEnChargeNom',
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

/** A queue row the keyboard reaches (Tab, j / k) and opens (Enter), like a click. */
const LigneClavier = forwardRef<HTMLTableRowElement, DataTableRowProps>((props, ref) => (
  <DataTableRow
    {...props}
    ref={ref}
    tabIndex={0}
    onKeyDown={(e: KeyboardEvent<HTMLTableRowElement>) => {
      // Only the row itself: Enter on its checkbox or on a link keeps their own meaning.
      if (e.key === 'Enter' && e.target === e.currentTarget) {
        e.preventDefault();
        e.currentTarget.click();
      }
    }}
  />
));
LigneClavier.displayName = 'LigneClavier';

const CorpsClavier = forwardRef<HTMLTableSectionElement, DataTableBodyProps>((props, ref) => <DataTableBody {...props} ref={ref} row={LigneClavier} />);
CorpsClavier.displayName = 'CorpsClavier';

/** j / k: focus the next / previous row of this table (the first / last one when none has it). */
function useLignesClavier(table: RefObject<HTMLDivElement | null>) {
  const deplacer = (pas: 1 | -1) => {
    const lignes = Array.from(table.current?.querySelectorAll<HTMLTableRowElement>('tbody tr[tabindex]') ?? []);
    if (lignes.length === 0) return;
    const active = document.activeElement instanceof HTMLElement ? document.activeElement.closest('tr') : null;
    const i = active ? lignes.indexOf(active as HTMLTableRowElement) : -1;
    const cible = i < 0 ? (pas === 1 ? 0 : lignes.length - 1) : Math.min(lignes.length - 1, Math.max(0, i + pas));
    lignes[cible].focus();
  };
  useRaccourcis({ j: () => deplacer(1), k: () => deplacer(-1) });
}

const RACCOURCIS_LISTE: Raccourci[] = [
  { touches: ['j'], libelle: 'app.raccourcis.liste.suivante' },
  { touches: ['k'], libelle: 'app.raccourcis.liste.precedente' },
  { touches: ['Entrée'], libelle: 'app.raccourcis.liste.ouvrir' },
];

/**
 * The queue's table. Filtered on one offer, it becomes that offer's ranking: rang, palier and its
 * explanation (R-RANK-EXPLAIN), without the columns the filter makes constant (offer, département).
 */
export function CandidatureTable() {
  const { filterValues } = useListContext<CandidatureFile>();
  const byOffre = isByOffre(filterValues);
  // An agent of one territory sees one département on every row: no column for it.
  const { identity } = useGetIdentity();
  const unSeulTerritoire = (identity?.territoires as string[] | undefined)?.length === 1;
  const groupees = [useCan('instruire', 'candidatures'), useCan('ne_pas_retenir', 'candidatures'), useCan('prendre', 'candidatures')].some(Boolean);
  const table = useRef<HTMLDivElement>(null);
  useLignesClavier(table);
  return (
    <div ref={table}>
      <AideRaccourcis raccourcis={RACCOURCIS_LISTE} />
      <DataTable<CandidatureFile>
        rowClick="show"
        body={CorpsClavier}
        storeKey={COLONNES_STORE_KEY}
        hiddenColumns={COLONNES_CACHEES}
        bulkActionButtons={groupees ? <ActionsGroupees /> : false}
        empty={<Vide />}
        sx={{
          '& .RaDataTable-headerCell': { lineHeight: 1.3 },
          '& td, & th': { px: 1 },
          '& td:first-of-type, & th:first-of-type': { pl: 1.5 },
        }}
      >
        {/* UI-FILE: the rank within its offer, on every row (sorted: offer by offer, rank within). */}
        <DataTable.NumberCol source="rang" options={{ maximumFractionDigits: 0 }} />
        <DataTable.Col
          source="reference"
          sx={{ whiteSpace: 'nowrap' }}
          render={(record) => (
            <>
              {record.reference}
              {record.modifieDepuisVisite === true && <ModifieDepuisVisiteChip />}
            </>
          )}
        />
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
        <DataTable.Col source="palier" field={PalierField} disableSort={!byOffre} />
        {byOffre && <DataTable.Col source="motifRang" disableSort sx={{ minWidth: 200 }} />}
        <DataTable.NumberCol source="piecesAVerifier" disableSort />
        <DataTable.NumberCol source="joursAttente" disableSort />
        {/* In a ranking, the explanation already gives the date. */}
        {!byOffre && <DataTable.Col source="dateCandidature" field={DateTimeField} />}
        {!byOffre && !unSeulTerritoire && <DataTable.Col source="departement" />}
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
    </div>
  );
}
