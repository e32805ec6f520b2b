import { z } from 'zod';
import { FORMES_OFFRE, NATURES_OFFRE, REGLEMENTATIONS, TYPOLOGIES } from '../../../../shared/domain/enums';
import type { ResourceDef } from '../../http/resource';
import { Offre } from './Offre.entity';

const offreBody = z.object({
  reference: z.string().trim().min(3).max(30),
  titre: z.string().trim().min(3).max(200),
  nature: z.enum(NATURES_OFFRE),
  forme: z.enum(FORMES_OFFRE),
  bailleurId: z.number().int().positive(),
  programmeId: z.number().int().positive(),
  typologie: z.enum(TYPOLOGIES),
  surface: z.number().positive().max(1000).nullable().optional(),
  surfaceMin: z.number().positive().max(1000).nullable().optional(),
  surfaceMax: z.number().positive().max(1000).nullable().optional(),
  loyer: z.number().positive().max(100000).nullable().optional(),
  loyerMin: z.number().positive().max(100000).nullable().optional(),
  loyerMax: z.number().positive().max(100000).nullable().optional(),
  commune: z.string().trim().min(1).max(100),
  codeInsee: z.string().regex(/^[0-9AB]{5}$/),
  codePostal: z.string().regex(/^\d{5}$/),
  departement: z.string().regex(/^(\d{2}|2A|2B|97\d)$/),
  reglementation: z.enum(REGLEMENTATIONS),
  plafonds: z.record(z.string().regex(/^[1-9]$/), z.number().int().positive()),
  nombreLogements: z.number().int().min(1).max(500).default(1),
  publiee: z.boolean().default(false),
  debutPublication: z.iso.datetime().nullable().optional(),
  finPublication: z.iso.datetime().nullable().optional(),
});

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
    create: offreBody,
    update: offreBody.partial(),
    toEntity: ({ bailleurId, programmeId, debutPublication, finPublication, ...rest }) => ({
      ...rest,
      ...(bailleurId !== undefined ? { bailleur: bailleurId } : {}),
      ...(programmeId !== undefined ? { programme: programmeId } : {}),
      ...(debutPublication !== undefined ? { debutPublication: debutPublication ? new Date(debutPublication as string) : null } : {}),
      ...(finPublication !== undefined ? { finPublication: finPublication ? new Date(finPublication as string) : null } : {}),
    }),
  },
};
