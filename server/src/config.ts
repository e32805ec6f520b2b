import path from 'node:path';

/** Configuration from the environment, read once at start (see README, "Configuration"). */
export interface Config {
  databaseUrl?: string;
  port: number;
  dataDir: string;
  smtpUrl?: string;
  adminEmail?: string;
  adminPassword?: string;
  /** Demo mode seeds an empty database and prints the demo logins. Default: on unless NODE_ENV=production. */
  demo: boolean;
  cookieSecure: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    port: Number(env.PORT ?? 3000),
    dataDir: path.resolve(env.DATA_DIR ?? './.data'),
    smtpUrl: env.SMTP_URL || undefined,
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    demo: env.DEMO ? env.DEMO === '1' || env.DEMO === 'true' : !production,
    cookieSecure: env.COOKIE_SECURE ? env.COOKIE_SECURE === '1' : production,
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 30),
    sessionAbsoluteHours: Number(env.SESSION_ABSOLUTE_HOURS ?? 12),
  };
}

/** The clock is injected everywhere a rule reads the time, so tests can move it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
