import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CIVILITES, PUBLICS_CIBLES, SITUATIONS_PRIORITAIRES } from '@shared/domain/enums';
import { estSuspendu } from '@shared/rules/suspension';
import { verifierNouvelleDemande } from '@shared/rules/limites';
import { badRequest, conflict } from '@server/http/problem';
import { communesConnues } from '@server/modules/communes/referentiel';
import { audit } from '@server/modules/audit-events/audit';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';
import { datesAttribution, demandeOuverte, recalculerStatutDemande, suspensionsDe } from './donneesDemandeur';

const texte = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'caractères de contrôle interdits');
const dateJour = z.iso.date('date attendue au format AAAA-MM-JJ');
const codeInsee = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune attendu (5 caractères)');

/**
 * The demande form of the portal (PUT replaces every field the demandeur fills). Not here, on
 * purpose: statut (computed), controleRenforce and signaleReattribution (rules and agents),
 * accompagneServiceSalariesEnDifficulte (set by the service that accompanies, as it puts the
 * candidature first in R-RANK-CD without any piece to check).
 */
export const demandeBody = z
  .strictObject({
    nombrePersonnes: z.number().int().min(1).max(20),
    codemandeur: z.strictObject({ civilite: z.enum(CIVILITES), nom: texte(100), prenom: texte(100), dateNaissance: dateJour }).nullable().default(null),
    revenuFiscalReference: z.number().int().min(0).max(10_000_000),
    publicCible: z.enum(PUBLICS_CIBLES),
    entrepriseSiret: z.string().regex(/^\d{14}$/, 'SIRET de 14 chiffres attendu').nullable().default(null),
    lieuTravailCodePostal: z.string().regex(/^\d{5}$/, 'code postal de 5 chiffres attendu').nullable().default(null),
    lieuTravailCommune: texte(100).nullable().default(null),
    communeLogementActuel: texte(100).nullable().default(null),
    secteursRecherche: z.array(z.strictObject({ codeInsee, rayonKm: z.number().int().min(0).max(100) })).min(1).max(10),
    situationsPrioritaires: z.array(z.enum(SITUATIONS_PRIORITAIRES)).max(SITUATIONS_PRIORITAIRES.length).default([]),
    /** The demandeur's own identity details (Demandeur), asked in the same form. */
    dateNaissance: dateJour.optional(),
    telephone: z.string().regex(/^\+?[0-9 .-]{6,20}$/, 'numéro de téléphone invalide').optional(),
  })
  .refine((b) => b.codemandeur === null || b.nombrePersonnes >= 2, { path: ['codemandeur'], message: 'un codemandeur suppose un foyer d’au moins 2 personnes' })
  .refine((b) => new Set(b.situationsPrioritaires).size === b.situationsPrioritaires.length, { path: ['situationsPrioritaires'], message: 'situation en double' })
  .refine((b) => new Set(b.secteursRecherche.map((s) => s.codeInsee)).size === b.secteursRecherche.length, { path: ['secteursRecherche'], message: 'commune en double' });
export type DemandeBody = z.infer<typeof demandeBody>;

/** A text[] literal ('{"a","b"}'): MikroORM's execute() would expand a JS array into a list of values. */
export function tableauPg(valeurs: readonly string[]): string {
  return `{${valeurs.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

function verifierDates(b: DemandeBody, now: Date) {
  const aujourdhui = now.toISOString().slice(0, 10);
  for (const [field, v] of [['dateNaissance', b.dateNaissance], ['codemandeur.dateNaissance', b.codemandeur?.dateNaissance]] as const) {
    if (v && (v >= aujourdhui || v < '1900-01-01')) throw badRequest('VALIDATION', `Date de naissance invalide (${field}).`, [{ field, message: 'date passée attendue' }]);
  }
}

/**
 * Creates or updates the demandeur's open demande (§11.1–11.3, R-LIMIT-SUSP, R-REAPPLY, R-SUSP,
 * R-INACT). Creating is refused while suspended (409 SUSPENDU); a new demande is flagged
 * signaleReattribution within 12 months of an attribution and carries controleRenforce once a
 * suspension has ended (shared verifierNouvelleDemande). Every change stamps derniereMiseAJour,
 * recomputes the statut (socles deposited → complete) and the paliers of the open candidatures.
 */
export async function enregistrerDemande(tx: EntityManager, demandeurId: number, b: DemandeBody, now: Date, ip?: string) {
  verifierDates(b, now);
  await tx.execute(`select id from demandeur where id = ? for update`, [demandeurId]);
  const suspensions = await suspensionsDe(tx, demandeurId);
  const existante = await demandeOuverte(tx, demandeurId, true);

  let entrepriseId: number | null = null;
  if (b.entrepriseSiret) {
    const e = await tx.execute<{ id: number }[]>(`select id from entreprise where siret = ?`, [b.entrepriseSiret]);
    if (!e[0]) throw badRequest('ENTREPRISE_INCONNUE', 'Aucune entreprise cotisante ne porte ce SIRET.', [{ field: 'entrepriseSiret', message: 'SIRET inconnu' }]);
    entrepriseId = e[0].id;
  }
  const codes = b.secteursRecherche.map((s) => s.codeInsee);
  const noms = await communesConnues(tx, codes, 'secteursRecherche');
  const secteurs = b.secteursRecherche.map((s) => ({ codeInsee: s.codeInsee, commune: noms.get(s.codeInsee)!, rayonKm: s.rayonKm }));

  const valeurs = [
    b.nombrePersonnes, b.codemandeur ? JSON.stringify(b.codemandeur) : null, b.revenuFiscalReference, b.publicCible, entrepriseId,
    b.lieuTravailCodePostal, b.lieuTravailCommune, b.communeLogementActuel, JSON.stringify(secteurs), tableauPg(b.situationsPrioritaires), now,
  ];
  let id: number;
  if (existante) {
    if (estSuspendu(suspensions, now)) throw conflict('SUSPENDU', 'Votre accès au service est suspendu : votre demande ne peut pas être modifiée.');
    await tx.execute(
      `update demande set nombre_personnes = ?, codemandeur = ?::jsonb, revenu_fiscal_reference = ?, public_cible = ?, entreprise_id = ?,
              lieu_travail_code_postal = ?, lieu_travail_commune = ?, commune_logement_actuel = ?, secteurs_recherche = ?::jsonb,
              situations_prioritaires = ?::text[], derniere_mise_ajour = ? where id = ?`,
      [...valeurs, existante.id],
    );
    id = existante.id;
    audit(tx, { at: now, acteur: { type: 'demandeur', id: demandeurId }, action: 'modification', entite: 'demande', entiteId: id, ip });
  } else {
    const v = verifierNouvelleDemande(suspensions, await datesAttribution(tx, demandeurId), now);
    if (!v.ok) throw conflict(v.code, v.raison);
    const rows = await tx.execute<{ id: number }[]>(
      `with n as (select nextval(pg_get_serial_sequence('demande', 'id'))::int as id)
       insert into demande (id, reference, demandeur_id, statut, nombre_personnes, codemandeur, revenu_fiscal_reference, public_cible, entreprise_id,
              lieu_travail_code_postal, lieu_travail_commune, commune_logement_actuel, secteurs_recherche, situations_prioritaires,
              derniere_mise_ajour, controle_renforce, signale_reattribution, created_at)
       select n.id, 'DEM-' || ? || '-' || lpad(n.id::text, 6, '0'), ?, 'brouillon', ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::text[], ?, ?, ?, ? from n
       returning id`,
      [now.getUTCFullYear(), demandeurId, ...valeurs, v.controleRenforce, v.signalee, now],
    );
    id = rows[0].id;
    audit(tx, {
      at: now,
      acteur: { type: 'demandeur', id: demandeurId },
      action: 'creation',
      entite: 'demande',
      entiteId: id,
      vers: 'brouillon',
      details: { controleRenforce: v.controleRenforce, signaleReattribution: v.signalee, reattributionJusquAu: v.jusquAu },
      ip,
    });
  }
  if (b.dateNaissance !== undefined || b.telephone !== undefined) {
    await tx.execute(`update demandeur set date_naissance = coalesce(?, date_naissance), telephone = coalesce(?, telephone) where id = ?`, [
      b.dateNaissance ?? null,
      b.telephone ?? null,
      demandeurId,
    ]);
  }
  await recalculerStatutDemande(tx, { id, statut: existante?.statut ?? 'brouillon', codemandeur: b.codemandeur }, now);
  await rafraichirPaliers(tx, [id], now);
  return id;
}
