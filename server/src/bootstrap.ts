import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Role } from '@shared/domain/enums';
import type { Config } from './config';
import type { FileStorage } from './storage/storage';
import { refusMotDePasse } from '@shared/rules/motDePasse';
import { hashPassword } from './modules/auth/passwords';

export interface DemoLogin {
  email: string;
  password: string;
  role: Role;
  territoires: string[];
}

/**
 * The demo data, given by the composition root (bin/start.ts loads it from seeds/): the server
 * never imports the seeds, the seeds use the server's parts.
 */
export interface DemoSeed {
  seedDemo(em: EntityManager, options: { storage: FileStorage; log?: (s: string) => void }): Promise<{ logins: DemoLogin[] }>;
  DEMO_LOGINS: DemoLogin[];
}

/**
 * First start: demo mode seeds an empty database (and returns the demo logins to print);
 * otherwise the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD.
 */
export async function bootstrap(orm: MikroORM, cfg: Config, storage: FileStorage, log: (m: string) => void, demo?: DemoSeed) {
  const em = orm.em.fork();
  const conn = em;
  const [{ n }] = await conn.execute<{ n: number }[]>('select count(*)::int as n from agent');
  if (cfg.demo && demo) {
    if (n === 0) {
      log('Base vide : chargement des données de démonstration…');
      const t = Date.now();
      const { logins } = await demo.seedDemo(em, { storage, log });
      log(`Données de démonstration chargées en ${((Date.now() - t) / 1000).toFixed(1)} s.`);
      return logins;
    }
    return demo.DEMO_LOGINS;
  }
  if (cfg.adminEmail && cfg.adminPassword) {
    const email = cfg.adminEmail.toLowerCase();
    const raison = refusMotDePasse(cfg.adminPassword, email);
    if (raison) throw new Error(`ADMIN_PASSWORD refusé : ${raison}`);
    const rows = await conn.execute<unknown[]>('select 1 from agent where email = ?', [email]);
    if (rows.length === 0) {
      await conn.execute(
        `insert into agent (email, nom, prenom, role, territoires, password_hash, actif) values (?, 'Administrateur', 'Plateforme', 'admin', '{}', ?, true)`,
        [email, await hashPassword(cfg.adminPassword)],
      );
      log(`Administrateur ${email} créé.`);
    }
  } else if (n === 0) {
    log('Aucun agent : définissez ADMIN_EMAIL et ADMIN_PASSWORD pour créer le premier administrateur.');
  }
  return [];
}
