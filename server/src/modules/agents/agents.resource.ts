import { z } from 'zod';
import { ROLES } from '../../../../shared/domain/enums';
import type { ResourceDef } from '../../http/resource';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from '../auth/passwords';
import { Agent } from './Agent.entity';

const territoires = z.array(z.string().regex(/^(\d{2}|2A|2B|97\d)$/, 'Code de département invalide')).max(101);
const agentBody = z.object({
  email: z.email().max(254).transform((e) => e.toLowerCase()),
  nom: z.string().trim().min(1).max(100),
  prenom: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  territoires,
  motDePasse: z
    .string()
    .min(PASSWORD_MIN, `Au moins ${PASSWORD_MIN} caractères`)
    .max(PASSWORD_MAX, `Au plus ${PASSWORD_MAX} caractères`),
});
const agentCreate = agentBody.extend({ territoires: territoires.default([]) });
// No default on updates (zod 4 applies defaults inside .partial()): a PUT changes only what it sends.
const agentUpdate = agentBody.omit({ motDePasse: true }).partial().extend({
  actif: z.boolean().optional(),
  motDePasse: agentBody.shape.motDePasse.optional(),
});

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
  },
};
