/**
 * Six contributing entreprises: peec, peaec and pseec (R-PSEEC: one with rights left, one
 * exhausted so that designation answers DROITS_PSEEC_EPUISES).
 */
import type { Contribution } from '@shared/domain/enums';
import { Entreprise, type IEntreprise } from '@server/modules/entreprises/Entreprise.entity';
import { inserer, type SeedContext } from './context';
import { avecCleLuhn } from './util';

export interface EntrepriseSeed {
  id: number;
  siret: string;
  raisonSociale: string;
  contribution: Contribution;
  droitsPseecRestants: number | null;
}

const ENTREPRISES: { raisonSociale: string; siren8: string; nic4: string; contribution: Contribution; droits: number | null }[] = [
  { raisonSociale: 'Groupe Hospitalier Rhône Santé', siren8: '77985412', nic4: '0001', contribution: 'peec', droits: null },
  { raisonSociale: 'Logistique Seine et Ouest SAS', siren8: '81234560', nic4: '0002', contribution: 'peec', droits: null },
  { raisonSociale: 'Aquitaine Agro Distribution', siren8: '42876315', nic4: '0001', contribution: 'peaec', droits: null },
  { raisonSociale: "Coopérative Viticole de l'Entre-deux-Mers", siren8: '39125478', nic4: '0003', contribution: 'peaec', droits: null },
  { raisonSociale: 'Services Numériques du Grand Paris', siren8: '83569214', nic4: '0001', contribution: 'pseec', droits: 5 },
  { raisonSociale: 'Nettoyage Industriel de Bron SARL', siren8: '51478923', nic4: '0002', contribution: 'pseec', droits: 0 },
];

export async function seedEntreprises(ctx: SeedContext): Promise<EntrepriseSeed[]> {
  const rows = ENTREPRISES.map((e) => ({
    siret: avecCleLuhn(avecCleLuhn(e.siren8) + e.nic4),
    raisonSociale: e.raisonSociale,
    contribution: e.contribution,
    droitsPseecRestants: e.droits,
  }));
  const ids = await inserer<IEntreprise>(ctx.em, Entreprise, rows);
  return rows.map((r, i) => ({ id: ids[i], ...r }));
}
