import { z } from 'zod';
import { refusMotDePasse } from '@shared/rules/motDePasse';

/** The zod field of the shared password policy (shared/rules/motDePasse.ts): a refusal is reported on the field (400 VALIDATION). */
export const motDePasseSchema = z.string().superRefine((v, ctx) => {
  const raison = refusMotDePasse(v);
  if (raison) ctx.addIssue({ code: 'custom', message: raison });
});
