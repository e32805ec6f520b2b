import { secretApplication } from '@server/secret';

/** Jobs and mail settings from the environment (README, "Jobs and mail"). */
export interface JobsConfig {
  /** JOBS=0: this process runs no worker (API-only replica); it can still queue "Lancer maintenant". */
  workers: boolean;
  smtpUrl?: string;
  mailFrom: string;
  /** Right-hand side of the Message-ID, the sender's domain by default. */
  mailDomain: string;
  ratePerMinute: number;
  maxTentatives: number;
  /** The server's secret key, to put the verification and bailleur links into their mails at delivery (secret.ts). */
  secret: string;
}

const entier = (v: string | undefined, defaut: number, min = 1) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= min ? n : defaut;
};

export function loadJobsConfig(env: NodeJS.ProcessEnv = process.env): JobsConfig {
  const mailFrom = env.MAIL_FROM || 'Action Logement Services <ne-pas-repondre@als.example>';
  const domaine = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'als.example';
  return {
    workers: env.JOBS !== '0' && env.JOBS !== 'false',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom,
    mailDomain: env.MAIL_DOMAIN || domaine,
    ratePerMinute: entier(env.MAIL_RATE_PER_MINUTE, 60),
    maxTentatives: entier(env.MAIL_MAX_TENTATIVES, 8),
    secret: secretApplication(env),
  };
}
