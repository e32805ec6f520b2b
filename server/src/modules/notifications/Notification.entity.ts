import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { STATUTS_NOTIFICATION } from '@shared/domain/enums';
import { Demandeur } from '@server/modules/demandeurs/Demandeur.entity';

/**
 * The outbox: written in the same transaction as the change it tells about, delivered
 * later by a job (nodemailer when SMTP_URL is set; otherwise the outbox is the mailbox).
 * Delivery states: a_envoyer → envoi_en_cours (a lease: `prochainEssai` is its expiry) →
 * envoyee | a_envoyer (retry with backoff) | echec. See jobs/outbox.ts.
 */
export const Notification = defineEntity({
  name: 'Notification',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    demandeur: p.manyToOne(Demandeur).nullable().index(),
    destinataire: p.string().length(254),
    template: p.string().length(60),
    sujet: p.string().length(300),
    corps: p.text(),
    donnees: p.json<Record<string, unknown>>().nullable(),
    /** Idempotency key (e.g. "inactivite:42:2026-01-01:relance"): one row per event. */
    cle: p.string().length(200).nullable().unique(),
    statut: p.enum([...STATUTS_NOTIFICATION]).default('a_envoyer'),
    tentatives: p.integer().default(0),
    prochainEssai: p.datetime().nullable(),
    messageId: p.string().length(300).nullable(),
    envoyeeLe: p.datetime().nullable(),
    erreur: p.text().nullable(),
    /** How it was delivered: `smtp` (SMTP_URL set) or `boite` (no SMTP: the outbox is the mailbox). */
    canal: p.string().length(10).nullable(),
    entite: p.string().length(30).nullable(),
    entiteId: p.integer().nullable(),
    /**
     * R-BAIL-LIEN: a bailleur link's token, AES-256-GCM encrypted (bailleurs/jeton.ts), from the envoi
     * to the delivery, which wipes it. Never exposed (not a field of the notifications resource).
     */
    jetonChiffre: p.text().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
  indexes: [
    { properties: ['statut', 'prochainEssai'] },
    { properties: ['entite', 'entiteId'] },
    // Console outbox filters (recipient, template), newest first.
    { name: 'notification_destinataire_created_at_idx', properties: ['destinataire', 'createdAt'] },
    { name: 'notification_template_created_at_idx', properties: ['template', 'createdAt'] },
    // MAIL_RATE_PER_MINUTE: the delivery job counts the SMTP sends of the last minute on this index.
    { name: 'notification_smtp_envoyee_le_idx', expression: `create index "notification_smtp_envoyee_le_idx" on "notification" ("envoyee_le") where "canal" = 'smtp'` },
  ],
});
export type INotification = InferEntity<typeof Notification>;
