import { describe, expect, it } from 'vitest';
import { droitsPseec, piecesNonValidees, verifierDesignation, verifierInstruction, type EntreeDesignation } from './designation';
import { MAINTENANT, demande, entreprise, piece, socles, suspension } from './fixtures';

const valides = [...socles('demandeur', { statut: 'valide' }), piece('justificatif_domicile', { statut: 'valide' })];
const entree = (partiel: Partial<EntreeDesignation> = {}): EntreeDesignation => ({
  statut: 'en_instruction',
  offre: { reglementation: 'plus' },
  demande: demande(),
  justificatifs: valides,
  suspensions: [],
  entreprises: [],
  maintenant: MAINTENANT,
  ...partiel,
});

describe('designation', () => {
  it('R-DESIGNATE: designates an instructed candidature whose reglementaire pieces are valid', () => {
    expect(verifierDesignation(entree())).toEqual({ ok: true, statut: 'transmise_bailleur', siretADebiter: null });
  });

  it('R-DESIGNATE: only after instruction', () => {
    expect(verifierDesignation(entree({ statut: 'deposee' }))).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
  });

  it('R-DESIGNATE: deposited-but-not-validated or expired pieces block it, situation pieces do not', () => {
    const [, ...reste] = valides;
    const r = verifierDesignation(entree({ justificatifs: [piece('identite'), ...reste] }));
    expect(r).toEqual({
      ok: false,
      code: 'PIECES_NON_VALIDEES',
      raison: 'Pièces à valider avant la désignation : pièce d’identité (demandeur).',
      refus: [{ code: 'PIECES_NON_VALIDEES', raison: 'Pièces à valider avant la désignation : pièce d’identité (demandeur).' }],
    });
    const expiree = piece('identite', { statut: 'valide', dateValiditeFin: '2026-01-01' });
    expect(piecesNonValidees({ reglementation: 'plus' }, demande(), [expiree, ...reste], MAINTENANT)).toEqual([
      { type: 'identite', titulaire: 'demandeur', source: 'socle' },
    ]);
    const dalo = demande({ publicCible: 'dalo', situationsPrioritaires: ['hotel'] });
    const sansDomicile = valides.filter((j) => j.type !== 'justificatif_domicile');
    expect(verifierDesignation(entree({ demande: dalo, justificatifs: sansDomicile }))).toMatchObject({ ok: true });
  });

  it('R-DESIGNATE: the codemandeur’s socles must be valid too', () => {
    const r = verifierDesignation(entree({ demande: demande({ codemandeur: true }) }));
    expect(r).toMatchObject({ ok: false, code: 'PIECES_NON_VALIDEES' });
    expect(!r.ok && r.raison).toContain('pièce d’identité (codemandeur), justificatif de ressources (codemandeur), avis d’imposition (codemandeur)');
  });

  it('R-DESIGNATE: a suspended demandeur is not designated', () => {
    expect(verifierDesignation(entree({ suspensions: [suspension()] }))).toMatchObject({ ok: false, code: 'SUSPENDU' });
  });

  it('R-PSEEC: designation of a pseec demande uses one right of its pseec entreprise', () => {
    const pseec = demande({ publicCible: 'pseec' });
    const entreprises = [entreprise({ siret: 'A', contribution: 'peec' }), entreprise({ siret: 'B', droitsPseecRestants: 0 }), entreprise({ siret: 'C' })];
    expect(verifierDesignation(entree({ demande: pseec, entreprises }))).toEqual({ ok: true, statut: 'transmise_bailleur', siretADebiter: 'C' });
    expect(droitsPseec(demande(), entreprises)).toEqual({ concernee: false, siretADebiter: null });
  });

  it('R-PSEEC: at zero rights, DROITS_PSEEC_EPUISES with the reason for the queue', () => {
    const pseec = demande({ publicCible: 'pseec' });
    const r = verifierDesignation(entree({ demande: pseec, entreprises: [entreprise({ droitsPseecRestants: 0 })] }));
    expect(r).toMatchObject({ ok: false, code: 'DROITS_PSEEC_EPUISES' });
    expect(!r.ok && r.raison).toMatch(/épuisé ses droits/);
    expect(verifierDesignation(entree({ demande: pseec }))).toMatchObject({ code: 'DROITS_PSEEC_EPUISES' });
  });

  it('R-DESIGNATE: all refusals in order', () => {
    const r = verifierDesignation(
      entree({ statut: 'transmise_bailleur', demande: demande({ publicCible: 'pseec' }), justificatifs: [], suspensions: [suspension()] }),
    );
    expect(!r.ok && r.refus.map((x) => x.code)).toEqual(['TRANSITION_INTERDITE', 'SUSPENDU', 'PIECES_NON_VALIDEES', 'DROITS_PSEEC_EPUISES']);
  });

  it('R-PSEEC: instruction of a pseec demande also needs rights left', () => {
    const pseec = demande({ publicCible: 'pseec' });
    expect(verifierInstruction({ statut: 'deposee', demande: pseec, entreprises: [entreprise()] })).toEqual({ ok: true, statut: 'en_instruction', siretADebiter: null });
    expect(verifierInstruction({ statut: 'deposee', demande: pseec, entreprises: [] })).toMatchObject({ ok: false, code: 'DROITS_PSEEC_EPUISES' });
    expect(verifierInstruction({ statut: 'annulee', demande: demande(), entreprises: [] })).toMatchObject({ ok: false, code: 'TRANSITION_INTERDITE' });
  });
});
