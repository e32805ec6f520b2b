import { useState } from 'react';
import { AutocompleteInput, ReferenceInput, SelectInput, useGetIdentity, useListContext } from 'react-admin';
import type { NatureOffre } from '@shared/domain/enums';
import { DECALAGE_HORS_PUBLIC_CIBLE, libellePalier } from '@shared/rules/classement';
import { DateFrInput } from '@console/common/DateFrInput';
import { choicesFor } from '@console/common/enums';
import { enumFilter, searchFilter } from '@console/common/filters';

const TIERS = [1, 2, 3];
const PALIERS = [...TIERS, ...TIERS.map((t) => t + DECALAGE_HORS_PUBLIC_CIBLE)];
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface FilterProps {
  source: string;
  label?: string;
  alwaysOn?: boolean;
}

/**
 * Complétude, as the stored ranking palier: its words come from the shared ranking rule, for the
 * nature filtered on (classique unless « courte durée » is chosen).
 */
function PalierInput({ source, label }: FilterProps) {
  const { filterValues } = useListContext();
  const nature: NatureOffre = filterValues.nature === 'courte_duree' ? 'courte_duree' : 'classique';
  const choices = PALIERS.map((p) => ({ id: p, name: `${p % DECALAGE_HORS_PUBLIC_CIBLE} · ${capitalize(libellePalier(nature, p))}` }));
  return <SelectInput source={source} label={label} choices={choices} translateChoice={false} sx={{ minWidth: 260 }} />;
}

/** The agent's territories (départements). */
function TerritoireInput({ source, label }: FilterProps) {
  const { identity } = useGetIdentity();
  const territoires: string[] = identity?.territoires ?? [];
  return <SelectInput source={source} label={label} choices={territoires.map((d) => ({ id: d, name: d }))} translateChoice={false} sx={{ minWidth: 140 }} />;
}

/** The offer picker asks for offers only once something is typed. */
export const choixOffres = ({ q }: { q?: unknown }) => typeof q === 'string' && q.trim().length >= 2;

/**
 * The offer filter. Issue #19: the offers are asked for once the agent types two characters, not 25
 * of them before the queue shows; a chosen offer is still fetched by its id, to show its reference.
 * Until then the list says what to do, in French.
 */
function OffreFiltre({ source }: { source: string; alwaysOn?: boolean }) {
  const [saisie, setSaisie] = useState('');
  return (
    <ReferenceInput source={source} reference="offres" sort={{ field: 'reference', order: 'ASC' }} enableGetChoices={choixOffres}>
      <AutocompleteInput
        optionText="reference"
        filterToQuery={(q: string) => ({ q })}
        onInputChange={(_e, v) => setSaisie(v)}
        noOptionsText={choixOffres({ q: saisie }) ? 'app.traitement.file.offreAucune' : 'app.traitement.file.offreTapez'}
        // Nothing is fetched before two characters: react-admin would say « loading » meanwhile.
        loadingText={choixOffres({ q: saisie }) ? 'ra.message.loading' : 'app.traitement.file.offreTapez'}
        sx={{ minWidth: 200 }}
      />
    </ReferenceInput>
  );
}

/** Filters of the work queue; the tabs (`onglet`) sit above the table. */
export const candidatureFilters = [
  searchFilter(),
  <OffreFiltre key="offreId" source="offreId" alwaysOn />,
  <TerritoireInput key="departement" source="departement" label="app.traitement.file.territoire" />,
  enumFilter('nature', 'natureOffre'),
  enumFilter('statut', 'statutCandidature'),
  <DateFrInput key="dateCandidature_gte" source="dateCandidature_gte" label="app.traitement.file.dateDu" />,
  <DateFrInput key="dateCandidature_lte" source="dateCandidature_lte" label="app.traitement.file.dateAu" />,
  <SelectInput key="publicCible" source="publicCible" label="resources.demandes.fields.publicCible" choices={choicesFor('publicCible')} />,
  <PalierInput key="palier" source="palier" label="app.traitement.file.completude" />,
  <SelectInput
    key="controleRenforce"
    source="controleRenforce"
    label="resources.demandes.fields.controleRenforce"
    choices={[
      { id: 'true', name: 'ra.boolean.true' },
      { id: 'false', name: 'ra.boolean.false' },
    ]}
  />,
  enumFilter('origine', 'origineCandidature'),
];
