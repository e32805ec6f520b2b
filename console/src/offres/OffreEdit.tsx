import { Edit, SimpleForm } from 'react-admin';
import { OffreInputs } from './OffreInputs';

/** Pessimistic: the server validates (and may refuse) before the page shows the change. */
export const OffreEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <OffreInputs />
    </SimpleForm>
  </Edit>
);
