import { BooleanInput, Create, Edit, email, required, SimpleForm, TextInput } from 'react-admin';
import { FormRow } from '@console/common/form';
import { validateSiren } from '@console/common/validators';

const req = required();

const BailleurInputs = () => (
  <>
    <FormRow>
      <TextInput source="nom" validate={req} />
      <TextInput source="siren" validate={[req, validateSiren]} />
      <TextInput source="email" type="email" validate={[req, email()]} />
    </FormRow>
    <BooleanInput source="estInli" />
  </>
);

export const BailleurCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ estInli: false }}>
      <BailleurInputs />
    </SimpleForm>
  </Create>
);

export const BailleurEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <BailleurInputs />
    </SimpleForm>
  </Edit>
);
