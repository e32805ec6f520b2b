import { describe, expect, it } from 'vitest';
import type { VueEntreprise } from '@shared/domain/types';
import { CHAMPS_ENTREPRISE, CHAMPS_ENTREPRISE_EXHAUSTIFS, piecesTransmissiblesBailleur, projectionEntreprise } from './donnees';
import { MAINTENANT, demande, piece, socles } from './fixtures';

const vue: VueEntreprise = {
  civilite: 'Mme',
  nom: 'Martin',
  prenom: 'Claire',
  dateNaissance: '1990-05-04',
  nomEntreprise: 'Acme',
  siret: '12345678900011',
  codePostalLieuTravail: '69003',
  communeLieuTravail: 'Lyon',
  communeLogementActuel: 'Villeurbanne',
  secteursRecherche: { communes: ['69123'], rayonKm: 20 },
};

describe('data given to entreprises', () => {
  it('R-ENT-FIELDS: exactly the 10 fields of §18.5', () => {
    expect(CHAMPS_ENTREPRISE).toHaveLength(10);
    expect(new Set(CHAMPS_ENTREPRISE).size).toBe(10);
    expect(CHAMPS_ENTREPRISE_EXHAUSTIFS).toBe(true);
  });

  it('R-ENT-FIELDS: the projection drops everything else, nested fields included', () => {
    const riche = {
      ...vue,
      email: 'claire@example.org',
      revenuFiscalReference: 30_000,
      situationsPrioritaires: ['violences_familiales'],
      secteursRecherche: { communes: ['69123', '69266'], rayonKm: 20, notes: 'secret' },
    };
    const projection = projectionEntreprise(riche);
    expect(Object.keys(projection)).toEqual([...CHAMPS_ENTREPRISE]);
    expect(projection).toEqual({ ...vue, secteursRecherche: { communes: ['69123', '69266'], rayonKm: 20 } });
    expect(projection.secteursRecherche.communes).not.toBe(riche.secteursRecherche.communes);
  });
});

describe('data given to bailleurs', () => {
  it('R-BAIL-MIN: only the valid pieces the reglementation requires, one per type and titulaire', () => {
    const valides = socles('demandeur', { statut: 'valide' });
    const domicile = piece('justificatif_domicile', { statut: 'valide' });
    const ancienneIdentite = piece('identite', { statut: 'valide', dateValiditeFin: '2026-01-01' });
    const situation = piece('justificatif_situation', { statut: 'valide' });
    const dalo = piece('reconnaissance_dalo_daho', { statut: 'valide' });
    const bulletin = piece('bulletin_salaire', { statut: 'valide' });
    const nonValide = piece('attestation_employeur');
    const foyer = demande({ publicCible: 'dalo', situationsPrioritaires: ['acces_emploi'] });
    const tous = [...valides, domicile, ancienneIdentite, situation, dalo, bulletin, nonValide];
    expect(piecesTransmissiblesBailleur({ reglementation: 'plus' }, foyer, tous, MAINTENANT)).toEqual([...valides, domicile]);
    expect(piecesTransmissiblesBailleur({ reglementation: 'libre' }, foyer, tous, MAINTENANT)).toEqual([...valides, bulletin]);
  });
});
