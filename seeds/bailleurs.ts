/** The three demo bailleurs (social landlords); one is In'li (R-INLI). */
import { Bailleur, type IBailleur } from '@server/modules/bailleurs/Bailleur.entity';
import { inserer, type SeedContext } from './context';
import { avecCleLuhn } from './util';

export type CleBailleur = 'inli' | 'i3f' | 'alliade';

export interface BailleurSeed {
  id: number;
  cle: CleBailleur;
  nom: string;
  estInli: boolean;
}

const BAILLEURS: { cle: CleBailleur; nom: string; siren8: string; email: string; estInli: boolean }[] = [
  { cle: 'inli', nom: "In'li", siren8: '60205235', email: 'attributions@inli.test', estInli: true },
  { cle: 'i3f', nom: 'Immobilière 3F', siren8: '55214153', email: 'commission.attribution@i3f.test', estInli: false },
  { cle: 'alliade', nom: 'Alliade Habitat', siren8: '96050344', email: 'gestion.locative@alliade.test', estInli: false },
];

export async function seedBailleurs(ctx: SeedContext): Promise<Record<CleBailleur, BailleurSeed>> {
  const rows = BAILLEURS.map((b) => ({ nom: b.nom, siren: avecCleLuhn(b.siren8), email: b.email, estInli: b.estInli }));
  const ids = await inserer<IBailleur>(ctx.em, Bailleur, rows);
  const out = {} as Record<CleBailleur, BailleurSeed>;
  BAILLEURS.forEach((b, i) => (out[b.cle] = { id: ids[i], cle: b.cle, nom: b.nom, estInli: b.estInli }));
  return out;
}
