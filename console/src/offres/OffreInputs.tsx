import {
  AutocompleteInput, BooleanInput, FormDataConsumer, NumberInput, ReferenceInput,
  required, SelectInput, TextInput, useGetOne, useTranslate,
} from 'react-admin';
import { TextField, Typography } from '@mui/material';
import { choicesFor } from '@console/common/enums';
import { DateHeureFrInput } from '@console/common/DateHeureFrInput';
import { FormRow, FormSection, parseNullableNumber } from '@console/common/form';
import { validateCodeInsee, validateCodePostal, validateDepartement } from '@console/common/validators';
import { titreOffre, type DonneesTitreOffre } from '@shared/rules/titreOffre';
import { PlafondsInput } from './PlafondsInput';

const req = required();
const search = (q: string) => ({ q });

/** An identified dwelling has one surface and rent; a dwelling type has ranges. */
function SurfaceEtLoyer() {
  return (
    <FormDataConsumer<{ forme?: string }>>
      {({ formData }) =>
        formData.forme === 'type' ? (
          <FormRow>
            <NumberInput source="surfaceMin" parse={parseNullableNumber} />
            <NumberInput source="surfaceMax" parse={parseNullableNumber} />
            <NumberInput source="loyerMin" parse={parseNullableNumber} />
            <NumberInput source="loyerMax" parse={parseNullableNumber} />
          </FormRow>
        ) : (
          <FormRow>
            <NumberInput source="surface" parse={parseNullableNumber} />
            <NumberInput source="loyer" parse={parseNullableNumber} />
          </FormRow>
        )
      }
    </FormDataConsumer>
  );
}

type DonneesTitre = Partial<Omit<DonneesTitreOffre, 'commune' | 'programme'>> & { commune?: string; programmeId?: number; titre?: string };

/**
 * The title is not typed: the server derives it from the data (shared titreOffre) at creation and
 * on every update (issue #17). Shown here, read-only, as it will be saved, while the form changes.
 */
export function TitreInput() {
  return <FormDataConsumer<DonneesTitre>>{({ formData }) => <TitreDerive f={formData} />}</FormDataConsumer>;
}

function TitreDerive({ f }: { f: DonneesTitre }) {
  const translate = useTranslate();
  const { data: programme } = useGetOne<{ id: number; nom: string }>('programmes', { id: f.programmeId! }, { enabled: f.programmeId != null });
  const titre =
    f.forme && f.nature && f.typologie && f.commune
      ? titreOffre({ ...f, forme: f.forme, nature: f.nature, typologie: f.typologie, commune: f.commune, programme: programme?.nom })
      : (f.titre ?? '');
  return (
    <TextField
      label={translate('resources.offres.fields.titre')}
      value={titre}
      helperText={translate('app.offres.titreDerive')}
      slotProps={{ input: { readOnly: true } }}
      variant="filled"
      size="small"
      sx={{ flexGrow: 3 }}
    />
  );
}

function AidePublication() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary">
      {translate('app.publication.parOnglet')}
    </Typography>
  );
}

/**
 * The offer form. The publication window is set here only at creation; afterwards it changes
 * through the typed actions of the « Publication » tab (R-PUB), never the generic update.
 */
export const OffreInputs = ({ creation = false }: { creation?: boolean }) => (
  <>
    <FormSection title="app.sections.logement">
      <FormRow>
        <TextInput source="reference" validate={req} />
        <TitreInput />
      </FormRow>
      <FormRow>
        <SelectInput source="nature" choices={choicesFor('natureOffre')} validate={req} />
        <SelectInput source="forme" choices={choicesFor('formeOffre')} validate={req} />
        <SelectInput source="typologie" choices={choicesFor('typologie')} validate={req} />
        <SelectInput source="reglementation" choices={choicesFor('reglementation')} validate={req} />
        <NumberInput source="nombreLogements" min={1} defaultValue={1} validate={req} />
      </FormRow>
      <SurfaceEtLoyer />
      <PlafondsInput />
    </FormSection>
    <FormSection title="app.sections.localisation">
      <FormRow>
        <ReferenceInput source="bailleurId" reference="bailleurs" sort={{ field: 'nom', order: 'ASC' }}>
          <AutocompleteInput filterToQuery={search} validate={req} noOptionsText="ra.navigation.no_results" />
        </ReferenceInput>
        <FormDataConsumer<{ bailleurId?: number }>>
          {({ formData }) => (
            <ReferenceInput source="programmeId" reference="programmes" filter={formData.bailleurId ? { bailleurId: formData.bailleurId } : {}} sort={{ field: 'nom', order: 'ASC' }}>
              <AutocompleteInput filterToQuery={search} validate={req} noOptionsText="ra.navigation.no_results" />
            </ReferenceInput>
          )}
        </FormDataConsumer>
      </FormRow>
      <FormRow>
        <TextInput source="commune" validate={req} />
        <TextInput source="codePostal" validate={[req, validateCodePostal]} />
        <TextInput source="codeInsee" validate={[req, validateCodeInsee]} />
        <TextInput source="departement" validate={[req, validateDepartement]} />
      </FormRow>
    </FormSection>
    {creation ? (
      <FormSection title="app.sections.publication">
        <FormRow>
          <BooleanInput source="publiee" />
          <DateHeureFrInput source="debutPublication" />
          <DateHeureFrInput source="finPublication" />
        </FormRow>
      </FormSection>
    ) : (
      <FormSection title="app.sections.publication">
        <AidePublication />
      </FormSection>
    )}
  </>
);
