import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { Bailleur } from '@server/modules/bailleurs/Bailleur.entity';

export const Programme = defineEntity({
  name: 'Programme',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    nom: p.string().length(200),
    bailleur: p.manyToOne(Bailleur).index(),
    adresse: p.string().length(300).nullable(),
    commune: p.string().length(100),
    codeInsee: p.string().length(5),
    codePostal: p.string().length(5),
    departement: p.string().length(3).index(),
    createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
  }),
});
export type IProgramme = InferEntity<typeof Programme>;
