/** Twelve housing programmes across the three bailleurs and the four territories. */
import { Programme, type IProgramme } from '@server/modules/programmes/Programme.entity';
import type { BailleurSeed, CleBailleur } from './bailleurs';
import { commune } from './communes';
import { inserer, type SeedContext } from './context';

export interface ProgrammeSeed {
  id: number;
  nom: string;
  bailleur: BailleurSeed;
  commune: string;
  codeInsee: string;
  codePostal: string;
  departement: string;
}

const PROGRAMMES: [nom: string, bailleur: CleBailleur, codeInsee: string, adresse: string][] = [
  ['Résidence Les Canuts', 'alliade', '69123', '14 rue d’Austerlitz'],
  ['Le Carré Gratte-Ciel', 'alliade', '69266', '37 avenue Henri Barbusse'],
  ['Les Terrasses de Parilly', 'alliade', '69259', '8 boulevard Ambroise Croizat'],
  ['Résidence Pablo Picasso', 'i3f', '69029', '120 avenue Franklin Roosevelt'],
  ['Les Jardins de Tolbiac', 'inli', '75113', '52 rue de Tolbiac'],
  ['Villa Convention', 'inli', '75115', '201 rue de la Convention'],
  ['Résidence Oberkampf', 'i3f', '75111', '95 rue Oberkampf'],
  ['Cœur de Seine', 'inli', '92012', '18 quai Georges Gorse'],
  ['Les Terrasses de l’Arche', 'inli', '92026', '3 place Charras'],
  ['Parc des Anciennes Mairies', 'i3f', '92050', '26 rue Maurice Thorez'],
  ['Résidence Chartrons', 'i3f', '33063', '61 cours de Verdun'],
  ['Le Clos de Capeyron', 'i3f', '33281', '9 avenue de la Somme'],
];

export async function seedProgrammes(ctx: SeedContext, bailleurs: Record<CleBailleur, BailleurSeed>): Promise<ProgrammeSeed[]> {
  const rows = PROGRAMMES.map(([nom, cle, codeInsee, adresse]) => {
    const c = commune(codeInsee);
    return { nom, bailleur: bailleurs[cle].id, adresse, commune: c.nom, codeInsee, codePostal: c.codePostal, departement: c.departement };
  });
  const ids = await inserer<IProgramme>(ctx.em, Programme, rows);
  return rows.map((r, i) => ({ ...r, id: ids[i], bailleur: bailleurs[PROGRAMMES[i][1]] }));
}
