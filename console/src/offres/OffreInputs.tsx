import {
  AutocompleteInput, BooleanInput, DateTimeInput, FormDataConsumer, NumberInput, ReferenceInput,
  required, SelectInput, TextInput, useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { choicesFor } from '../common/enums';
import { FormRow, FormSection, parseInstant, parseNullableNumber } from '../common/form';
import { validateCodeInsee, validateCodePostal, validateDepartement } from '../common/validators';
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
        <TextInput source="titre" validate={req} sx={{ flexGrow: 3 }} />
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
          <AutocompleteInput filterToQuery={search} validate={req} />
        </ReferenceInput>
        <FormDataConsumer<{ bailleurId?: number }>>
          {({ formData }) => (
            <ReferenceInput source="programmeId" reference="programmes" filter={formData.bailleurId ? { bailleurId: formData.bailleurId } : {}} sort={{ field: 'nom', order: 'ASC' }}>
              <AutocompleteInput filterToQuery={search} validate={req} />
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
          <DateTimeInput source="debutPublication" parse={parseInstant} />
          <DateTimeInput source="finPublication" parse={parseInstant} />
        </FormRow>
      </FormSection>
    ) : (
      <FormSection title="app.sections.publication">
        <AidePublication />
      </FormSection>
    )}
  </>
);
