import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer from 'nodemailer';
import { traiterInactivite } from '@server/modules/inactivite/traiterInactivite';
import { livrerNotifications } from '@server/modules/notifications/livraison';
import type { JobsConfig } from './config';
import { terminerPublications } from './finPublication';
import { terminerSuspensions } from './finSuspensions';
import { expirerJustificatifs } from './justificatifsExpires';
import { expirerPropositions } from './propositionsExpirees';
import { libererVerrous } from './verrous';
import { purgerLimites } from './purgeLimites';
import { relancerBailleurs } from '@server/modules/bailleurs/relances';
import { chainerJournal } from '@server/modules/audit-events/chaine';
import { appliquerConservation } from '@server/modules/conservation/appliquer';
import type { FileStorage } from '@server/storage/storage';
import { detecterDoublons } from '@server/modules/signalements/doublons';

export const NOMS_TACHES = [
  'inactivite',
  'justificatifs-expires',
  'fin-publication',
  'fin-suspensions',
  'verrous-expires',
  'propositions-expirees',
  'envoi-notifications',
  'purge-limites',
  'relances-bailleurs',
  'audit-chainage',
  'conservation',
  'analyse-fraude',
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
  executer(em: EntityManager, now: Date, cfg: JobsConfig, env?: EnvTache): Promise<Resume>;
}

/** What some jobs need from the process besides the database: the shared file storage. */
export interface EnvTache {
  storage: FileStorage;
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
      secret: cfg.secret,
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
  { nom: 'purge-limites', libelle: 'Purge des compteurs de limitation et de connexions échouées périmés', cron: '20 * * * *', expireInMinutes: 15, executer: (em, now) => purgerLimites(em, now) },
  { nom: 'relances-bailleurs', libelle: 'Relance des bailleurs sans réponse (une fois par candidature)', cron: '30 8 * * *', expireInMinutes: 30, executer: (em, now, cfg) => relancerBailleurs(em, now, { secret: cfg.secret }) },
  // DATA-AUDIT-CHAIN: appends the new audit events to the hash chain and seals finished days (one chainer at a time).
  { nom: 'audit-chainage', libelle: 'Journal d’audit : chaînage des empreintes et scellement des journées', cron: '* * * * *', expireInMinutes: 10, executer: (em, now) => chainerJournal(em, now) },
  // DATA-RETENTION: shared/rules/conservation.ts, in batches, exactly once on any number of replicas.
  { nom: 'conservation', libelle: 'Conservation des données : anonymisation des comptes fermés, purge des traces périmées', cron: '30 3 * * *', expireInMinutes: 120, executer: async (em, now, _cfg, env) => {
      if (!env) throw new Error('conservation : le stockage des fichiers est requis');
      return appliquerConservation(em, now, { storage: env.storage });
    } },
  // R-ONE-ACCOUNT, §9.13, §10.9: the duplicate and shared-file analysis every night, not only on contrôle fraude's button.
  { nom: 'analyse-fraude', libelle: 'Analyse de fraude : comptes en double, téléphones et fichiers partagés, métadonnées suspectes', cron: '45 2 * * *', expireInMinutes: 60,
    executer: async (em, now) => {
      const crees = await em.transactional((tx) => detecterDoublons(tx, now)); // idempotent: a signal already raised (same key) is not raised again
      return { ...crees, total: Object.values(crees).reduce((a, b) => a + b, 0) };
    } },
];

export const tache = (nom: string): DefinitionTache | undefined => TACHES.find((t) => t.nom === nom);
