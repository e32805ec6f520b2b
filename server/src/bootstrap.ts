import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from './config';
import { hashPassword, PASSWORD_MIN } from './modules/auth/passwords';

/**
 * First start: demo mode seeds an empty database (and returns the demo logins to print);
 * otherwise the first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD.
 */
export async function bootstrap(orm: MikroORM, cfg: Config, log: (m: string) => void) {
  const em = orm.em.fork();
  const conn = em;
  const [{ n }] = await conn.execute<{ n: number }[]>('select count(*)::int as n from agent');
  if (cfg.demo) {
    if (n === 0) {
      log('Base vide : chargement des données de démonstration…');
      const { seedDemo } = await import('../../seeds/index');
      const t = Date.now();
      const { logins } = await seedDemo(em, { dataDir: cfg.dataDir, log });
      log(`Données de démonstration chargées en ${((Date.now() - t) / 1000).toFixed(1)} s.`);
      return logins;
    }
    const { DEMO_LOGINS } = await import('../../seeds/index');
    return DEMO_LOGINS;
  }
  if (cfg.adminEmail && cfg.adminPassword) {
    if (cfg.adminPassword.length < PASSWORD_MIN) throw new Error(`ADMIN_PASSWORD must have at least ${PASSWORD_MIN} characters.`);
    const email = cfg.adminEmail.toLowerCase();
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
