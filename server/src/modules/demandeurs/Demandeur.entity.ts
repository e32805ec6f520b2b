import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { CIVILITES, STATUTS_COMPTE } from '@shared/domain/enums';

export const Demandeur = defineEntity({
  name: 'Demandeur',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    civilite: p.enum([...CIVILITES]),
    nom: p.string().length(100),
    prenom: p.string().length(100),
    /** Stored lower-cased: one account per email, case-insensitive (R-ACCOUNT). */
    email: p.string().length(254).unique(),
    dateNaissance: p.date().nullable(),
    telephone: p.string().length(20).nullable(),
    statutCompte: p.enum([...STATUTS_COMPTE]).default('a_verifier'),
    passwordHash: p.string().length(200).nullable().hidden(),
    emailVerifieLe: p.datetime().nullable(),
    cguVersionAcceptee: p.string().length(20).nullable(),
    derniereConnexion: p.datetime().nullable(),
    /** R-ONE-ACCOUNT: extra accounts deactivated by fraud control. */
    desactiveLe: p.datetime().nullable(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
  indexes: [
    { name: 'demandeur_nom_search_idx', expression: `create index "demandeur_nom_search_idx" on "demandeur" (lower("nom") text_pattern_ops)` },
    { name: 'demandeur_email_search_idx', expression: `create index "demandeur_email_search_idx" on "demandeur" (lower("email") text_pattern_ops)` },
    // R-ONE-ACCOUNT: duplicate keys computed by SQL functions (migration …_fraude_doublons, equal to shared/rules/identite.ts).
    { name: 'demandeur_cle_identite_idx', expression: `create index "demandeur_cle_identite_idx" on "demandeur" (als_cle_identite("nom", "prenom", "date_naissance"))` },
    { name: 'demandeur_telephone_norm_idx', expression: `create index "demandeur_telephone_norm_idx" on "demandeur" (als_telephone_norm("telephone"))` },
    { name: 'demandeur_email_canon_idx', expression: `create index "demandeur_email_canon_idx" on "demandeur" (als_email_canon("email"))` },{ properties: ['nom', 'prenom'] }, { properties: ['telephone'] }],
});
export type IDemandeur = InferEntity<typeof Demandeur>;
