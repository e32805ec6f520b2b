import { Create, Edit, SimpleForm } from 'react-admin';
import { ProgrammeInputs } from './ProgrammeInputs';

export const ProgrammeCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ProgrammeInputs />
    </SimpleForm>
  </Create>
);

export const ProgrammeEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show">
    <SimpleForm>
      <ProgrammeInputs />
    </SimpleForm>
  </Edit>
);
