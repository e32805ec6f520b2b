import { defineEntity, type InferEntity } from '@mikro-orm/core';

/** Reference table of French communes with coordinates (for the offers' radius search). */
export const Commune = defineEntity({
  name: 'Commune',
  properties: (p) => ({
    codeInsee: p.string().length(5).primary(),
    nom: p.string().length(100),
    codePostal: p.string().length(5),
    departement: p.string().length(3).index(),
    latitude: p.double(),
    longitude: p.double(),
  }),
});
export type ICommune = InferEntity<typeof Commune>;
