import { AutocompleteInput, ReferenceInput, required, TextInput } from 'react-admin';
import { FormRow } from '@console/common/form';
import { validateCodeInsee, validateCodePostal, validateDepartement } from '@console/common/validators';

const req = required();

export const ProgrammeInputs = () => (
  <>
    <FormRow>
      <TextInput source="nom" validate={req} />
      <ReferenceInput source="bailleurId" reference="bailleurs" sort={{ field: 'nom', order: 'ASC' }}>
        <AutocompleteInput filterToQuery={(q: string) => ({ q })} validate={req} noOptionsText="ra.navigation.no_results" />
      </ReferenceInput>
    </FormRow>
    <TextInput source="adresse" fullWidth />
    <FormRow>
      <TextInput source="commune" validate={req} />
      <TextInput source="codePostal" validate={[req, validateCodePostal]} />
      <TextInput source="codeInsee" validate={[req, validateCodeInsee]} />
      <TextInput source="departement" validate={[req, validateDepartement]} />
    </FormRow>
  </>
);
