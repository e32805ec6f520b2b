import { z } from 'zod';

const jour = z.iso.date();
const periode = { from: jour, to: jour };
const ordre = (p: { from: string; to: string }) => p.from <= p.to;
const messageOrdre = { message: 'La date de début doit précéder la date de fin.', path: ['to'] };

/** Params of each export kind (api.md), validated at creation and again when the job runs. */
export const PARAMS = {
  designations_bailleur: z.object({ bailleurId: z.coerce.number().int().positive(), ...periode }).strict().refine(ordre, messageOrdre),
  rapport_entreprise: z.object({ siret: z.string().regex(/^\d{14}$/, 'Le SIRET compte 14 chiffres.'), ...periode }).strict().refine(ordre, messageOrdre),
  dossier_designation: z.object({ candidatureId: z.coerce.number().int().positive() }).strict(),
} as const;

export const corpsExport = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('designations_bailleur'), params: PARAMS.designations_bailleur }),
  z.object({ kind: z.literal('rapport_entreprise'), params: PARAMS.rapport_entreprise }),
  z.object({ kind: z.literal('dossier_designation'), params: PARAMS.dossier_designation }),
]);
export type CorpsExport = z.infer<typeof corpsExport>;

/** EXPORT_TTL_HOURS (default 72): how long a produced file stays downloadable. */
export function ttlExportHeures(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.EXPORT_TTL_HOURS);
  return Number.isFinite(n) && n > 0 ? n : 72;
}
