import { z } from 'zod';
import { ROLES } from '@shared/domain/enums';
import type { ResourceDef } from '@server/http/resource';
import { refusMotDePasse } from '@shared/rules/motDePasse';
import { hashPassword } from '@server/modules/auth/passwords';
import { motDePasseSchema } from '@server/modules/comptes/motDePasse';
import { Agent } from './Agent.entity';
import { apresEcritureAgent } from './sessions';

const territoires = z.array(z.string().regex(/^(\d{2}|2A|2B|97\d)$/, 'Code de département invalide')).max(101);
const agentBody = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  nom: z.string().trim().min(1).max(100),
  prenom: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  territoires,
  // The one policy of portal and agents (shared/rules/motDePasse.ts): 12–128 characters, no common password.
  motDePasse: motDePasseSchema,
});
/** Not the agent's own e-mail either (checked when both are sent). */
const pasSonEmail = (v: { email?: string; motDePasse?: string }, ctx: z.RefinementCtx) => {
  const raison = v.motDePasse && v.email ? refusMotDePasse(v.motDePasse, v.email) : null;
  if (raison) ctx.addIssue({ code: 'custom', path: ['motDePasse'], message: raison });
};
const agentCreate = agentBody.extend({ territoires: territoires.default([]) }).superRefine(pasSonEmail);
// No default on updates (zod 4 applies defaults inside .partial()): a PUT changes only what it sends.
const agentUpdate = agentBody.omit({ motDePasse: true }).partial().extend({
  actif: z.boolean().optional(),
  motDePasse: agentBody.shape.motDePasse.optional(),
}).superRefine(pasSonEmail);

export const agents: ResourceDef = {
  name: 'agents',
  from: 'agent a',
  alias: 'a',
  fields: {
    id: 'a.id', email: 'a.email', nom: 'a.nom', prenom: 'a.prenom', role: 'a.role', territoires: 'a.territoires',
    actif: 'a.actif', createdAt: 'a.created_at',
  },
  filters: {
    role: { expr: 'a.role', type: 'enum', values: ROLES },
    actif: { expr: 'a.actif', type: 'bool' },
    territoires: { expr: 'a.territoires', type: 'arrayContains' },
  },
  search: ['a.nom', 'a.prenom', 'a.email'],
  scope: {},
  defaultSort: ['nom', 'ASC'],
  unsortable: ['territoires'],
  write: {
    entity: Agent,
    create: agentCreate,
    update: agentUpdate,
    toEntity: async ({ motDePasse, ...rest }) => ({
      ...rest,
      ...(motDePasse ? { passwordHash: await hashPassword(motDePasse as string) } : {}),
    }),
    // A new password or a change of `actif` ends every session of the agent (modules/agents/sessions.ts).
    apresEcriture: (tx, e) => apresEcritureAgent(tx, e),
  },
};
