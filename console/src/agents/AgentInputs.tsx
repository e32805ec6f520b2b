import { BooleanInput, email, PasswordInput, required, SelectInput, TextArrayInput, TextInput } from 'react-admin';
import { choicesFor } from '../common/enums';
import { FormRow } from '../common/form';
import { validateTerritoires } from '../common/validators';

const req = required();
const PASSWORD_MIN = 12;

/** At least 12 characters (the server's policy); empty allowed on edit (password unchanged). */
const passwordPolicy = (value: unknown) =>
  typeof value === 'string' && value.length > 0 && value.length < PASSWORD_MIN ? 'app.agents.motDePasseCreation' : undefined;

export function AgentInputs({ creation }: { creation: boolean }) {
  return (
    <>
      <FormRow>
        <TextInput source="prenom" validate={req} />
        <TextInput source="nom" validate={req} />
        <TextInput source="email" type="email" validate={[req, email()]} />
      </FormRow>
      <FormRow>
        <SelectInput source="role" choices={choicesFor('role')} validate={req} />
        <TextArrayInput source="territoires" validate={validateTerritoires} helperText="app.agents.territoiresAide" />
      </FormRow>
      <FormRow>
        <PasswordInput
          source="motDePasse"
          autoComplete="new-password"
          validate={creation ? [req, passwordPolicy] : passwordPolicy}
          helperText={creation ? 'app.agents.motDePasseCreation' : 'app.agents.motDePasseEdition'}
        />
        {!creation && <BooleanInput source="actif" />}
      </FormRow>
    </>
  );
}
