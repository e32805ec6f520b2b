import type { MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@shared/domain/enums';
import { hashPassword } from '@server/modules/auth/passwords';

let n = 0;
const cachedHash = new Map<string, string>();

/** Inserts an agent with a known password (unique email per call). */
export async function createAgent(orm: MikroORM, role: Role, territoires: string[] = [], tag = '') {
  n += 1;
  const email = `test.${role}.${tag || n}.${process.pid}.${n}@als.test`;
  const password = 'mot-de-passe-de-test-' + role;
  if (!cachedHash.has(password)) cachedHash.set(password, await hashPassword(password));
  const rows = await orm.em
    .fork()
    .execute<{ id: number }[]>(
      `insert into agent (email, nom, prenom, role, territoires, password_hash, actif) values (?, ?, ?, ?, ?::text[], ?, true) returning id`,
      [email, `Test${n}`, role, role, `{${territoires.join(',')}}`, cachedHash.get(password)],
    );
  return { id: rows[0].id, email, password, role, territoires };
}
