import { BooleanInput, email, PasswordInput, required, SelectInput, TextArrayInput, TextInput } from 'react-admin';
import { choicesFor } from '@console/common/enums';
import { FormRow } from '@console/common/form';
import { validateTerritoires } from '@console/common/validators';
import { refusMotDePasse } from '@shared/rules/motDePasse';

const req = required();

/** The one password policy of portal and agents (shared/rules/motDePasse.ts); empty allowed on edit (password unchanged). */
const passwordPolicy = (value: unknown, values: { email?: string }) =>
  typeof value === 'string' && value.length > 0 ? (refusMotDePasse(value, values?.email) ?? undefined) : undefined;

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
