/** Small zod schemas shared by route descriptions (responses the routers build by hand). */
import { z } from 'zod';
import { ROLES } from '@shared/domain/enums';

/** An object whose keys the description names (console payloads assembled from several queries). */
export const objet = (description: string) => z.looseObject({}).meta({ description });

export const agentProfil = z.object({
  id: z.number().int(), email: z.string(), nom: z.string(), prenom: z.string(), role: z.enum(ROLES), territoires: z.array(z.string()),
});

/** `{message}` answers of the portal (a French sentence for the person). */
export const message = z.object({ message: z.string() });
