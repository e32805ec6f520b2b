import { useMemo } from 'react';
import { DataTable, FilterButton, List, NumberInput, SelectInput, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { enumFilter } from '@console/common/filters';
import { ChoixAgentInput } from '@console/common/ChoixAgent';
import type { AuditEvent } from '@console/data/records';
import { traitementFr } from '@console/i18n/fr/traitement';
import { referentielFr } from '@console/i18n/fr/referentiel';
import { EntiteAuditField, TransitionField } from './TransitionField';
import { ActeurAuditField, ActionAuditField, useLibelleAction } from './ActionAuditField';
import { VerifierJournalButton } from './VerifierJournalButton';

/** Every action the journal records, and every entity, by their code (the catalogue names each one). */
const ACTIONS = Object.keys(traitementFr.historique.actions);
const ENTITES = Object.keys(referentielFr['audit-events'].entites);

/** The journal's filters in words (issue #15): an action and an entity chosen by their French label, an agent by name. */
function useFiltres() {
  const translate = useTranslate();
  const libelleAction = useLibelleAction();
  return useMemo(() => {
    const parLibelle = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
    const actions = ACTIONS.map((id) => ({ id, name: libelleAction(id) })).sort(parLibelle);
    const entites = ENTITES.map((id) => ({ id, name: translate(`resources.audit-events.entites.${id}`) })).sort(parLibelle);
    return [
      <SelectInput key="entite" source="entite" choices={entites} translateChoice={false} alwaysOn />,
      <NumberInput key="entiteId" source="entiteId" alwaysOn />,
      <SelectInput key="action" source="action" choices={actions} translateChoice={false} />,
      enumFilter('acteurType', 'acteur'),
      <ChoixAgentInput key="acteurId" source="acteurId" label="resources.audit-events.filtres.agent" />,
    ];
  }, [translate, libelleAction]);
}

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <VerifierJournalButton />
  </TopToolbar>
);

export const AuditEventList = () => (
  <List<AuditEvent> filters={useFiltres()} actions={<Actions />} sort={{ field: 'at', order: 'DESC' }} perPage={50}>
    <DataTable<AuditEvent> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col source="at" field={DateTimeField} />
      <DataTable.Col source="acteurType">
        <EnumField source="acteurType" enumName="acteur" />
      </DataTable.Col>
      <DataTable.Col source="acteurNom" disableSort field={ActeurAuditField} />
      <DataTable.Col source="action" field={ActionAuditField} />
      <DataTable.Col source="entite" field={EntiteAuditField} />
      <DataTable.Col source="entiteId" />
      <DataTable.Col source="vers" disableSort field={TransitionField} />
      <DataTable.Col source="motif" />
    </DataTable>
  </List>
);
