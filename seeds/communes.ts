/** The `commune` reference table: the communes of the four demo territories, real approximate coordinates. */
import { Commune, type ICommune } from '@server/modules/communes/Commune.entity';
import type { SeedContext } from './context';

export interface CommuneSeed {
  codeInsee: string;
  nom: string;
  codePostal: string;
  departement: string;
  latitude: number;
  longitude: number;
}

type Ligne = [codeInsee: string, nom: string, codePostal: string, latitude: number, longitude: number];

const PAR_DEPARTEMENT: Record<string, Ligne[]> = {
  '69': [
    ['69123', 'Lyon', '69003', 45.764, 4.8357],
    ['69266', 'Villeurbanne', '69100', 45.7719, 4.8902],
    ['69259', 'Vénissieux', '69200', 45.6973, 4.8859],
    ['69029', 'Bron', '69500', 45.7386, 4.913],
    ['69256', 'Vaulx-en-Velin', '69120', 45.7786, 4.9214],
    ['69034', 'Caluire-et-Cuire', '69300', 45.7953, 4.8466],
    ['69290', 'Saint-Priest', '69800', 45.696, 4.944],
    ['69149', 'Oullins', '69600', 45.7147, 4.8075],
    ['69081', 'Écully', '69130', 45.7745, 4.7775],
    ['69286', 'Rillieux-la-Pape', '69140', 45.8214, 4.8983],
  ],
  '75': [
    ['75056', 'Paris', '75001', 48.8566, 2.3522],
    ['75101', 'Paris 1er Arrondissement', '75001', 48.8625, 2.3364],
    ['75104', 'Paris 4e Arrondissement', '75004', 48.8543, 2.3576],
    ['75111', 'Paris 11e Arrondissement', '75011', 48.859, 2.38],
    ['75112', 'Paris 12e Arrondissement', '75012', 48.84, 2.388],
    ['75113', 'Paris 13e Arrondissement', '75013', 48.8283, 2.3623],
    ['75115', 'Paris 15e Arrondissement', '75015', 48.8421, 2.293],
    ['75117', 'Paris 17e Arrondissement', '75017', 48.8873, 2.3067],
    ['75118', 'Paris 18e Arrondissement', '75018', 48.8925, 2.3444],
    ['75119', 'Paris 19e Arrondissement', '75019', 48.8871, 2.3848],
    ['75120', 'Paris 20e Arrondissement', '75020', 48.8634, 2.4011],
  ],
  '92': [
    ['92050', 'Nanterre', '92000', 48.8924, 2.2069],
    ['92012', 'Boulogne-Billancourt', '92100', 48.8397, 2.2399],
    ['92026', 'Courbevoie', '92400', 48.8973, 2.2522],
    ['92025', 'Colombes', '92700', 48.9226, 2.2522],
    ['92040', 'Issy-les-Moulineaux', '92130', 48.8245, 2.27],
    ['92049', 'Montrouge', '92120', 48.8163, 2.3166],
    ['92004', 'Asnières-sur-Seine', '92600', 48.9145, 2.2874],
    ['92063', 'Rueil-Malmaison', '92500', 48.8778, 2.1803],
    ['92024', 'Clichy', '92110', 48.9044, 2.3059],
  ],
  '33': [
    ['33063', 'Bordeaux', '33000', 44.8378, -0.5792],
    ['33281', 'Mérignac', '33700', 44.8386, -0.6436],
    ['33318', 'Pessac', '33600', 44.8067, -0.6311],
    ['33522', 'Talence', '33400', 44.8021, -0.5886],
    ['33039', 'Bègles', '33130', 44.8086, -0.5478],
    ['33550', "Villenave-d'Ornon", '33140', 44.7806, -0.5658],
    ['33069', 'Le Bouscat', '33110', 44.8651, -0.599],
    ['33449', 'Saint-Médard-en-Jalles', '33160', 44.8964, -0.7164],
  ],
};

/** The four demo territories (départements), in a fixed order. */
export const TERRITOIRES = ['69', '75', '92', '33'] as const;
export type Territoire = (typeof TERRITOIRES)[number];

export const COMMUNES: readonly CommuneSeed[] = TERRITOIRES.flatMap((departement) =>
  PAR_DEPARTEMENT[departement].map(([codeInsee, nom, codePostal, latitude, longitude]) => ({
    codeInsee,
    nom,
    codePostal,
    departement,
    latitude,
    longitude,
  })),
);

export function communesDe(departement: string): CommuneSeed[] {
  return COMMUNES.filter((c) => c.departement === departement);
}

export function commune(codeInsee: string): CommuneSeed {
  const c = COMMUNES.find((x) => x.codeInsee === codeInsee);
  if (!c) throw new Error(`Commune inconnue du seed : ${codeInsee}`);
  return c;
}

export async function seedCommunes(ctx: SeedContext): Promise<void> {
  // The primary key is the INSEE code (no serial): one plain multi-row insert.
  await ctx.em.insertMany<ICommune>(Commune, COMMUNES.map((c) => ({ ...c })));
}
