/** Test data builders for the rules' tests (imported by *.test.ts only; plain objects, no magic). */
import type { DemandeRules, EntrepriseRules, JustificatifRules, OffreRules, SuspensionRules } from '@shared/domain/types';
import { PIECES_SOCLES, type Titulaire, type TypeJustificatif } from '@shared/domain/enums';

export const MAINTENANT = new Date('2026-03-12T08:14:00Z');

export function offre(partiel: Partial<OffreRules> = {}): OffreRules {
  return {
    id: 1,
    nature: 'classique',
    forme: 'identifie',
    programmeId: 10,
    typologie: 'T2',
    reglementation: 'plus',
    plafonds: { 1: 25_000, 2: 33_000, 3: 40_000 },
    debutPublication: '2026-03-01T00:00:00Z',
    finPublication: '2026-04-01T00:00:00Z',
    depubliee: false,
    ...partiel,
  };
}

export function demande(partiel: Partial<DemandeRules> = {}): DemandeRules {
  return {
    statut: 'complete',
    nombrePersonnes: 2,
    codemandeur: false,
    revenuFiscalReference: 20_000,
    publicCible: 'peec',
    situationsPrioritaires: [],
    accompagneServiceSalariesEnDifficulte: false,
    ...partiel,
  };
}

let prochainId = 1000;

export function piece(type: TypeJustificatif, partiel: Partial<JustificatifRules> = {}): JustificatifRules {
  prochainId += 1;
  return { id: prochainId, titulaire: 'demandeur', type, statut: 'depose', dateValiditeFin: null, ...partiel };
}

export function socles(titulaire: Titulaire = 'demandeur', partiel: Partial<JustificatifRules> = {}): JustificatifRules[] {
  return PIECES_SOCLES.map((type) => piece(type, { titulaire, ...partiel }));
}

export function suspension(partiel: Partial<SuspensionRules> = {}): SuspensionRules {
  return { type: 'fraude', debut: '2026-01-01T00:00:00Z', fin: '2026-07-01T00:00:00Z', levee: null, ...partiel };
}

export function entreprise(partiel: Partial<EntrepriseRules> = {}): EntrepriseRules {
  return { siret: '12345678900011', contribution: 'pseec', droitsPseecRestants: 2, ...partiel };
}
