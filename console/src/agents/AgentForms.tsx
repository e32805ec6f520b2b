import { Create, Edit, SimpleForm } from 'react-admin';
import type { Agent } from '@console/data/records';
import { AgentInputs } from './AgentInputs';

type AgentForm = Partial<Agent> & { motDePasse?: string };

/** Send a new password only when one was typed; never echo fields the API computes. */
const transform = ({ motDePasse, id: _id, createdAt: _createdAt, ...rest }: AgentForm) => (motDePasse ? { ...rest, motDePasse } : rest);

export const AgentCreate = () => (
  <Create redirect="show" transform={transform}>
    <SimpleForm defaultValues={{ role: 'conseiller', territoires: [] }}>
      <AgentInputs creation />
    </SimpleForm>
  </Create>
);

export const AgentEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={transform}>
    <SimpleForm>
      <AgentInputs creation={false} />
    </SimpleForm>
  </Edit>
);
