/** Agents of every role, argon2id-hashed demo passwords (≥ 12 characters), returned as logins. */
import { hash } from '@node-rs/argon2';
import type { Role } from '@shared/domain/enums';
import { Agent, type IAgent } from '@server/modules/agents/Agent.entity';
import { inserer, type SeedContext } from './context';
import { TERRITOIRES } from './communes';

export interface Login {
  email: string;
  password: string;
  role: Role;
  territoires: string[];
}

export interface AgentSeed {
  id: number;
  email: string;
  prenom: string;
  nom: string;
  role: Role;
  territoires: string[];
  actif: boolean;
}

export interface Agents {
  tous: AgentSeed[];
  /** Conseillers able to instruct in this département. */
  conseillersDe(departement: string): AgentSeed[];
  fraude: AgentSeed;
  manager: AgentSeed;
  admin: AgentSeed;
}

const TOUS = [...TERRITOIRES];

const AGENTS: (Omit<AgentSeed, 'id'> & { password: string })[] = [
  { email: 'camille.martin@als.test', prenom: 'Camille', nom: 'Martin', role: 'conseiller', territoires: ['69'], actif: true, password: 'Conseiller69!demo' },
  { email: 'lucas.girard@als.test', prenom: 'Lucas', nom: 'Girard', role: 'conseiller', territoires: ['69', '33'], actif: true, password: 'Conseiller6933!demo' },
  { email: 'thomas.petit@als.test', prenom: 'Thomas', nom: 'Petit', role: 'conseiller', territoires: ['75', '92'], actif: true, password: 'Conseiller7592!demo' },
  { email: 'ines.garcia@als.test', prenom: 'Inès', nom: 'Garcia', role: 'conseiller', territoires: ['92'], actif: true, password: 'Conseiller92!demo' },
  { email: 'sarah.leroy@als.test', prenom: 'Sarah', nom: 'Leroy', role: 'controle_fraude', territoires: TOUS, actif: true, password: 'ControleFraude!demo' },
  { email: 'julien.moreau@als.test', prenom: 'Julien', nom: 'Moreau', role: 'manager', territoires: TOUS, actif: true, password: 'Manager2026!demo' },
  { email: 'admin@als.test', prenom: 'Nadia', nom: 'Lambert', role: 'admin', territoires: [], actif: true, password: 'Admin2026!demo' },
  // A former advisor, deactivated: kept for the history (audit events, old instructions).
  { email: 'paul.renaud@als.test', prenom: 'Paul', nom: 'Renaud', role: 'conseiller', territoires: ['75'], actif: false, password: 'AncienAgent!demo' },
];

/** The demo logins, printed by the server at every start in demo mode (the seed runs only once). */
export const DEMO_LOGINS: Login[] = AGENTS.filter((a) => a.actif).map((a) => ({ email: a.email, password: a.password, role: a.role, territoires: a.territoires }));

export async function seedAgents(ctx: SeedContext): Promise<{ agents: Agents; logins: Login[] }> {
  // argon2id with the library's defaults; salts are random, so hashes are not compared by the tests.
  const hashes = await Promise.all(AGENTS.map((a) => hash(a.password)));
  const rows = AGENTS.map(({ password: _password, ...a }, i) => ({ ...a, passwordHash: hashes[i] }));
  const ids = await inserer<IAgent>(ctx.em, Agent, rows);
  const tous: AgentSeed[] = AGENTS.map(({ password: _password, ...a }, i) => ({ ...a, id: ids[i] }));
  const unique = (role: Role) => tous.find((a) => a.role === role && a.actif) as AgentSeed;
  const agents: Agents = {
    tous,
    conseillersDe: (d) => tous.filter((a) => a.role === 'conseiller' && a.actif && a.territoires.includes(d)),
    fraude: unique('controle_fraude'),
    manager: unique('manager'),
    admin: unique('admin'),
  };
  return { agents, logins: DEMO_LOGINS.map((l) => ({ ...l, territoires: [...l.territoires] })) };
}
