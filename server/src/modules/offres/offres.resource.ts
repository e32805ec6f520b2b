import { z } from 'zod';
import { FORMES_OFFRE, NATURES_OFFRE, REGLEMENTATIONS, TYPOLOGIES } from '@shared/domain/enums';
import type { EntityManager } from '@mikro-orm/postgresql';
import { titreOffre } from '@shared/rules/titreOffre';
import type { ResourceDef } from '@server/http/resource';
import type { OffreTable, ProgrammeTable } from '@server/db/schema';
import { Offre } from './Offre.entity';

/** The columns a publication action writes: never through the generic update (typed routes of publication.router.ts). */
export const CHAMPS_FENETRE = ['publiee', 'debutPublication', 'finPublication'] as const;

const montant = (max: number) => z.number().positive().max(max).nullable().optional();
const offreFields = z.object({
  reference: z.string().trim().min(3).max(30),
  titre: z.string().trim().min(3).max(200),
  nature: z.enum(NATURES_OFFRE),
  forme: z.enum(FORMES_OFFRE),
  bailleurId: z.number().int().positive(),
  programmeId: z.number().int().positive(),
  typologie: z.enum(TYPOLOGIES),
  surface: montant(1000),
  surfaceMin: montant(1000),
  surfaceMax: montant(1000),
  loyer: montant(100000),
  loyerMin: montant(100000),
  loyerMax: montant(100000),
  commune: z.string().trim().min(1).max(100),
  codeInsee: z.string().regex(/^[0-9AB]{5}$/),
  codePostal: z.string().regex(/^\d{5}$/),
  departement: z.string().regex(/^(\d{2}|2A|2B|97\d)$/),
  reglementation: z.enum(REGLEMENTATIONS),
  /** Household sizes 1 to 6 (the largest applies beyond, shared/rules/eligibilite plafondApplicable). */
  plafonds: z.record(z.string().regex(/^[1-6]$/, 'Taille de foyer de 1 à 6'), z.number().int().positive().max(1_000_000)),
  nombreLogements: z.number().int().min(1).max(500).default(1),
  publiee: z.boolean().default(false),
  debutPublication: z.iso.datetime({ offset: true }).nullable().optional(),
  finPublication: z.iso.datetime({ offset: true }).nullable().optional(),
});
type OffreFields = z.infer<typeof offreFields>;
type Issue = { path: string[]; message: string };

/**
 * §11.22: an `identifie` dwelling has one surface and one rent; a `type` dwelling has ranges
 * (min ≤ max) and no single value. A window, when given at creation, ends after it starts.
 */
export function incoherencesOffre(o: Partial<Omit<OffreFields, 'titre'>>): Issue[] {
  const issues: Issue[] = [];
  const manque = (champ: string, message: string) => issues.push({ path: [champ], message });
  if (o.forme === 'identifie') {
    if (o.surface == null) manque('surface', 'Un logement identifié a une surface.');
    if (o.loyer == null) manque('loyer', 'Un logement identifié a un loyer.');
    for (const champ of ['surfaceMin', 'surfaceMax', 'loyerMin', 'loyerMax'] as const) {
      if (o[champ] != null) manque(champ, 'Les fourchettes sont réservées aux logements types.');
    }
  } else if (o.forme === 'type') {
    for (const [min, max, nom] of [['surfaceMin', 'surfaceMax', 'surface'], ['loyerMin', 'loyerMax', 'loyer']] as const) {
      if (o[min] == null) manque(min, `Un logement type a une fourchette de ${nom} (minimum).`);
      if (o[max] == null) manque(max, `Un logement type a une fourchette de ${nom} (maximum).`);
      if (o[min] != null && o[max] != null && o[min] > o[max]) manque(max, `Le maximum de ${nom} doit être supérieur ou égal au minimum.`);
    }
    for (const champ of ['surface', 'loyer'] as const) if (o[champ] != null) manque(champ, 'Un logement type a des fourchettes, pas une valeur unique.');
  }
  if (o.debutPublication && o.finPublication && new Date(o.finPublication) <= new Date(o.debutPublication)) {
    manque('finPublication', 'La fin de publication doit être postérieure à son début.');
  }
  return issues;
}

/**
 * The title is never written by a client: it is derived from the data (shared titreOffre) at
 * creation and again after every update, in the write's transaction (deriverTitre), so a « T2 de
 * 48 m² » cannot keep its title once its surface says 47,5 m² (issue #17). A `titre` sent with the
 * body (react-admin sends the whole record back) is ignored, like the other read-only fields.
 */
const offreCreate = offreFields
  .omit({ titre: true })
  .superRefine((o, c) => {
    for (const i of incoherencesOffre(o)) c.addIssue({ code: 'custom', ...i });
  })
  .transform((o) => ({ ...o, titre: titreOffre(o) })); // without the programme's name: deriverTitre completes it
/**
 * Update: the publication window is left out (its typed routes check R-PUB); the coherence of
 * forme, surfaces and rents is checked against the stored row by publication.router.ts (PUT).
 */
const offreUpdate = offreFields.omit({ titre: true, publiee: true, debutPublication: true, finPublication: true, nombreLogements: true })
  .extend({ nombreLogements: z.number().int().min(1).max(500) })
  .partial();

type LigneTitre = Pick<OffreTable, 'titre' | 'forme' | 'nature' | 'typologie' | 'surface' | 'surface_min' | 'surface_max' | 'commune'> &
  Pick<ProgrammeTable, 'nom'>;

/**
 * The offer's title from its data as written by this transaction (typologie, surfaces, nature,
 * programme, commune): read under the row's lock, rewritten only if it differs from what was read.
 */
export async function deriverTitre(tx: EntityManager, id: number): Promise<void> {
  const [o] = await tx.execute<LigneTitre[]>(
    `select o.titre, o.forme, o.nature, o.typologie, o.surface, o.surface_min, o.surface_max, o.commune, p.nom
       from offre o join programme p on p.id = o.programme_id where o.id = ? for update of o`,
    [id],
  );
  if (!o) return;
  const nombre = (v: number | string | null) => (v == null ? null : Number(v));
  const titre = titreOffre({
    forme: o.forme, nature: o.nature, typologie: o.typologie, surface: nombre(o.surface), surfaceMin: nombre(o.surface_min),
    surfaceMax: nombre(o.surface_max), programme: o.nom, commune: o.commune,
  });
  if (titre !== o.titre) await tx.execute(`update offre set titre = ? where id = ? and titre = ?`, [titre, id, o.titre]);
}
export const offreUpdateSchema = offreUpdate;

export const offres: ResourceDef = {
  name: 'offres',
  from: 'offre o',
  alias: 'o',
  fields: {
    id: 'o.id', reference: 'o.reference', titre: 'o.titre', nature: 'o.nature', forme: 'o.forme',
    bailleurId: 'o.bailleur_id', programmeId: 'o.programme_id', typologie: 'o.typologie',
    surface: 'o.surface', surfaceMin: 'o.surface_min', surfaceMax: 'o.surface_max',
    loyer: 'o.loyer', loyerMin: 'o.loyer_min', loyerMax: 'o.loyer_max',
    commune: 'o.commune', codeInsee: 'o.code_insee', codePostal: 'o.code_postal', departement: 'o.departement',
    reglementation: 'o.reglementation', plafonds: 'o.plafonds', nombreLogements: 'o.nombre_logements',
    publiee: 'o.publiee', debutPublication: 'o.debut_publication', finPublication: 'o.fin_publication',
    depublieeLe: 'o.depubliee_le', motifDepublication: 'o.motif_depublication', repriseLe: 'o.reprise_le',
    attributionDirecteLe: 'o.attribution_directe_le', attributionDirecteMotif: 'o.attribution_directe_motif',
    createdAt: 'o.created_at', updatedAt: 'o.updated_at',
    nbCandidaturesOuvertes:
      "(select count(*) from candidature oc where oc.offre_id = o.id and oc.statut in ('deposee', 'en_instruction', 'transmise_bailleur'))",
  },
  filters: {
    nature: { expr: 'o.nature', type: 'enum', values: NATURES_OFFRE },
    forme: { expr: 'o.forme', type: 'enum', values: FORMES_OFFRE },
    typologie: { expr: 'o.typologie', type: 'enum', values: TYPOLOGIES },
    reglementation: { expr: 'o.reglementation', type: 'enum', values: REGLEMENTATIONS },
    departement: { expr: 'o.departement', type: 'string' },
    bailleurId: { expr: 'o.bailleur_id', type: 'int' },
    programmeId: { expr: 'o.programme_id', type: 'int' },
    publiee: { expr: 'o.publiee', type: 'bool' },
    finPublication: { expr: 'o.fin_publication', type: 'date' },
    debutPublication: { expr: 'o.debut_publication', type: 'date' },
  },
  search: ['o.reference', 'o.titre', 'o.commune'],
  scope: { departement: 'o.departement' },
  defaultSort: ['reference', 'ASC'],
  unsortable: ['plafonds'],
  write: {
    entity: Offre,
    create: offreCreate,
    update: offreUpdate,
    apresEcriture: (tx, e) => deriverTitre(tx, e.id),
    toEntity: ({ bailleurId, programmeId, debutPublication, finPublication, ...rest }) => ({
      ...rest,
      ...(bailleurId !== undefined ? { bailleur: bailleurId } : {}),
      ...(programmeId !== undefined ? { programme: programmeId } : {}),
      ...(debutPublication !== undefined ? { debutPublication: debutPublication ? new Date(debutPublication as string) : null } : {}),
      ...(finPublication !== undefined ? { finPublication: finPublication ? new Date(finPublication as string) : null } : {}),
    }),
  },
};
