import { Create, SimpleForm } from 'react-admin';
import { OffreInputs } from './OffreInputs';

export const OffreCreate = () => (
  <Create redirect="show">
    <SimpleForm defaultValues={{ nature: 'classique', forme: 'identifie', plafonds: {}, publiee: false, nombreLogements: 1 }}>
      <OffreInputs creation />
    </SimpleForm>
  </Create>
);
