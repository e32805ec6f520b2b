import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import { traiterInactivite } from '../modules/inactivite/traiterInactivite';
import { livrerNotifications } from '../modules/notifications/livraison';
import type { JobsConfig } from './config';
import { terminerPublications } from './finPublication';
import { terminerSuspensions } from './finSuspensions';
import { expirerJustificatifs } from './justificatifsExpires';
import { expirerPropositions } from './propositionsExpirees';
import { libererVerrous } from './verrous';

export const NOMS_TACHES = [
  'inactivite',
  'justificatifs-expires',
  'fin-publication',
  'fin-suspensions',
  'verrous-expires',
  'propositions-expirees',
  'envoi-notifications',
] as const;
export type NomTache = (typeof NOMS_TACHES)[number];

export type Resume = object;

export interface DefinitionTache {
  nom: NomTache;
  /** French, for the console. */
  libelle: string;
  /** pg-boss cron, Europe/Paris. */
  cron: string;
  /** pg-boss expiry of one run (then retried: every job is idempotent). */
  expireInMinutes: number;
  executer(em: EntityManager, now: Date, cfg: JobsConfig): Promise<Resume>;
}

/** Lease of a claimed outbox row: longer than nodemailer's timeouts below, so a slow send is not taken twice. */
const BAIL_MS = 5 * 60_000;

async function envoyerNotifications(em: EntityManager, now: Date, cfg: JobsConfig) {
  const transport = cfg.smtpUrl
    ? nodemailer.createTransport({ url: cfg.smtpUrl, pool: true, maxConnections: 1, connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 })
    : null;
  try {
    return await livrerNotifications(em, now, {
      expediteur: transport,
      from: cfg.mailFrom,
      domaine: cfg.mailDomain,
      parMinute: cfg.ratePerMinute,
      maxTentatives: cfg.maxTentatives,
      bailMs: BAIL_MS,
      lot: 10,
      dureeMaxMs: 50_000,
    });
  } finally {
    transport?.close();
  }
}

/** Every scheduled job: the logic is a plain function `(em, now) => summary`; pg-boss only calls it. */
export const TACHES: readonly DefinitionTache[] = [
  { nom: 'inactivite', libelle: 'Inactivité des demandes : avertissement, relance, clôture (R-INACT)', cron: '0 6 * * *', expireInMinutes: 120, executer: (em, now) => traiterInactivite(em, now) },
  { nom: 'justificatifs-expires', libelle: 'Pièces justificatives arrivées à expiration', cron: '5 0 * * *', expireInMinutes: 60, executer: (em, now) => expirerJustificatifs(em, now) },
  { nom: 'fin-publication', libelle: 'Fin de publication des offres', cron: '*/5 * * * *', expireInMinutes: 15, executer: (em, now) => terminerPublications(em, now) },
  { nom: 'fin-suspensions', libelle: 'Fin des suspensions (contrôle renforcé ensuite)', cron: '10 * * * *', expireInMinutes: 15, executer: (em, now) => terminerSuspensions(em, now) },
  { nom: 'verrous-expires', libelle: 'Prises en charge expirées (30 min sans activité)', cron: '*/5 * * * *', expireInMinutes: 15, executer: (em, now) => libererVerrous(em, now) },
  { nom: 'propositions-expirees', libelle: 'Propositions de logement expirées', cron: '*/15 * * * *', expireInMinutes: 15, executer: (em, now) => expirerPropositions(em, now) },
  { nom: 'envoi-notifications', libelle: 'Envoi des notifications (boîte d’envoi)', cron: '* * * * *', expireInMinutes: 10, executer: envoyerNotifications },
];

export const tache = (nom: string): DefinitionTache | undefined => TACHES.find((t) => t.nom === nom);
