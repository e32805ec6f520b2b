import { Create, Edit, FormDataConsumer, NumberInput, required, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { choicesFor } from '@console/common/enums';
import { FormRow, parseNullableNumber } from '@console/common/form';
import { validateSiret } from '@console/common/validators';

const req = required();

/** PSEEC rights (R-PSEEC) only make sense for a `pseec` contribution. */
const EntrepriseInputs = () => (
  <>
    <FormRow>
      <TextInput source="raisonSociale" validate={req} />
      <TextInput source="siret" validate={[req, validateSiret]} />
    </FormRow>
    <FormRow>
      <SelectInput source="contribution" choices={choicesFor('contribution')} validate={req} />
      <FormDataConsumer<{ contribution?: string }>>
        {({ formData }) =>
          formData.contribution === 'pseec' ? <NumberInput source="droitsPseecRestants" min={0} step={1} parse={parseNullableNumber} /> : null
        }
      </FormDataConsumer>
    </FormRow>
  </>
);

export const EntrepriseCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <EntrepriseInputs />
    </SimpleForm>
  </Create>
);

export const EntrepriseEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <EntrepriseInputs />
    </SimpleForm>
  </Edit>
);
