import { z } from 'zod';
import { CIVILITES } from '@shared/domain/enums';
import { motDePasseSchema } from '@server/modules/comptes/motDePasse';

/** Plain text of a form field: trimmed, no control characters. */
export const texte = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'caractères de contrôle interdits');

export const emailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('adresse électronique invalide'));

export const compteBody = z.strictObject({
  civilite: z.enum(CIVILITES),
  nom: texte(100),
  prenom: texte(100),
  email: emailSchema,
  motDePasse: motDePasseSchema,
});

export const verifierBody = z.strictObject({ token: z.string().min(1).max(200) });
export const renvoyerBody = z.strictObject({ email: emailSchema });
export const connexionBody = z.strictObject({ email: z.string().trim().toLowerCase().min(1).max(254), motDePasse: z.string().min(1).max(1024) });
export const cguBody = z.strictObject({ version: z.string().min(1).max(20) });
