import { describe, expect, it } from 'vitest';
import { REGLEMENTATIONS } from '@shared/domain/enums';
import {
  PIECES_PAR_REGLEMENTATION,
  checklist,
  dossierComplet,
  estDeposee,
  estExpire,
  estValidee,
  meilleurePiece,
  piecesReglementaires,
  pieceADemander,
  piecesRequises,
  soclesDeposes,
} from './completude';
import { MAINTENANT, demande, piece, socles } from './fixtures';

const plus = { reglementation: 'plus' } as const;
const types = (pieces: { type: string; titulaire: string }[]): string[] => pieces.map((p) => `${p.type}/${p.titulaire}`);

describe('required pieces', () => {
  it('R-RANK-CL: the socles for the demandeur, and for the codemandeur when there is one', () => {
    expect(types(piecesRequises(plus, demande()))).toEqual([
      'identite/demandeur',
      'ressources/demandeur',
      'avis_imposition/demandeur',
      'justificatif_domicile/demandeur',
    ]);
    const avecCo = types(piecesRequises({ reglementation: 'libre' }, demande({ codemandeur: true })));
    expect(avecCo).toEqual([
      'identite/demandeur',
      'ressources/demandeur',
      'avis_imposition/demandeur',
      'identite/codemandeur',
      'ressources/codemandeur',
      'avis_imposition/codemandeur',
      'attestation_employeur/demandeur',
      'attestation_employeur/codemandeur',
      'bulletin_salaire/demandeur',
      'bulletin_salaire/codemandeur',
    ]);
  });

  it('R-BAIL-MIN: every reglementation has a table, and "demandeur" pieces are not asked of the codemandeur', () => {
    for (const r of REGLEMENTATIONS) expect(PIECES_PAR_REGLEMENTATION[r]).toBeDefined();
    expect(types(piecesReglementaires({ reglementation: 'residence_temporaire' }, demande({ codemandeur: true }))).slice(6)).toEqual([
      'attestation_employeur/demandeur',
    ]);
    expect(types(piecesReglementaires({ reglementation: 'pls' }, demande())).slice(3)).toEqual([
      'justificatif_domicile/demandeur',
      'attestation_employeur/demandeur',
    ]);
  });

  it('R-RANK-CL: declared situations ask for justificatif_situation, dalo/daho for the recognition', () => {
    const situation = piecesRequises(plus, demande({ situationsPrioritaires: ['mobilite_professionnelle'], publicCible: 'dalo' }));
    expect(situation.filter((p) => p.source === 'situation').map((p) => p.type)).toEqual(['justificatif_situation', 'reconnaissance_dalo_daho']);
    expect(piecesRequises(plus, demande({ publicCible: 'daho' })).at(-1)?.type).toBe('reconnaissance_dalo_daho');
    expect(piecesReglementaires(plus, demande({ publicCible: 'dalo' })).some((p) => p.source === 'situation')).toBe(false);
  });

  it('R-RANK-CL: the proof of current home follows the declared situation', () => {
    const logement = (s: Parameters<typeof demande>[0]): string[] => piecesReglementaires(plus, demande(s)).slice(3).map((p) => p.type);
    expect(logement({ situationsPrioritaires: ['fin_hebergement'] })).toEqual(['attestation_hebergement']);
    expect(logement({ situationsPrioritaires: ['sans_domicile'] })).toEqual([]);
    expect(logement({ situationsPrioritaires: ['hotel'] })).toEqual([]);
    expect(logement({ situationsPrioritaires: ['violences_familiales'] })).toEqual(['justificatif_domicile']);
  });
});

describe('deposited, valid, expired', () => {
  it('R-RANK-CL: depose and valide count as deposited; refuse, expire, falsifie do not', () => {
    expect(estDeposee(piece('identite', { statut: 'depose' }), MAINTENANT)).toBe(true);
    expect(estDeposee(piece('identite', { statut: 'valide' }), MAINTENANT)).toBe(true);
    for (const statut of ['refuse', 'expire', 'falsifie'] as const) expect(estDeposee(piece('identite', { statut }), MAINTENANT)).toBe(false);
    expect(estValidee(piece('identite', { statut: 'depose' }), MAINTENANT)).toBe(false);
  });

  it('R-ELIG: a piece expires at dateValiditeFin (instant) or after its Paris day (date only)', () => {
    const instant = piece('identite', { dateValiditeFin: '2026-03-12T08:14:00Z' });
    expect(estExpire(instant, '2026-03-12T08:13:59Z')).toBe(false);
    expect(estExpire(instant, MAINTENANT)).toBe(true);
    const jour = piece('identite', { statut: 'valide', dateValiditeFin: '2026-03-12' });
    expect(estExpire(jour, '2026-03-12T22:59:59Z')).toBe(false);
    expect(estExpire(jour, '2026-03-12T23:00:00Z')).toBe(true);
    expect(estValidee(jour, '2026-03-12T23:00:00Z')).toBe(false);
    expect(estExpire(piece('identite', { statut: 'expire' }), MAINTENANT)).toBe(true);
  });

  it('R-RANK-CL: the best piece speaks for its (type, titulaire): valid, then deposited, then expired, newest first', () => {
    const refusee = piece('identite', { statut: 'refuse' });
    const expiree = piece('identite', { statut: 'valide', dateValiditeFin: '2020-01-01' });
    const deposee = piece('identite');
    const validee = piece('identite', { statut: 'valide' });
    const co = piece('identite', { titulaire: 'codemandeur', statut: 'valide' });
    const cle = { type: 'identite', titulaire: 'demandeur' } as const;
    expect(meilleurePiece([refusee, expiree, deposee, validee, co], cle, MAINTENANT)).toBe(validee);
    expect(meilleurePiece([refusee, expiree, deposee], cle, MAINTENANT)).toBe(deposee);
    expect(meilleurePiece([refusee, expiree], cle, MAINTENANT)).toBe(expiree);
    const refuseeRecente = piece('identite', { statut: 'falsifie' });
    expect(meilleurePiece([refusee, refuseeRecente], cle, MAINTENANT)).toBe(refuseeRecente);
    expect(meilleurePiece([co], cle, MAINTENANT)).toBeNull();
  });
});

describe('checklist', () => {
  it('R-RANK-CL: lists each required piece with the status found', () => {
    const [identite, ressources] = socles();
    const expiree = piece('avis_imposition', { statut: 'valide', dateValiditeFin: '2026-01-01' });
    const lignes = checklist(plus, demande(), [identite, { ...ressources, statut: 'valide' }, expiree], MAINTENANT);
    expect(lignes).toEqual([
      { type: 'identite', titulaire: 'demandeur', source: 'socle', justificatifId: identite.id, statut: 'depose', expire: false, validee: false, ok: true },
      { type: 'ressources', titulaire: 'demandeur', source: 'socle', justificatifId: ressources.id, statut: 'valide', expire: false, validee: true, ok: true },
      { type: 'avis_imposition', titulaire: 'demandeur', source: 'socle', justificatifId: expiree.id, statut: 'valide', expire: true, validee: false, ok: false },
      { type: 'justificatif_domicile', titulaire: 'demandeur', source: 'reglementation', justificatifId: null, statut: null, expire: false, validee: false, ok: false },
    ]);
  });

  it('R-RANK-CL: complete when every required piece is deposited; socles checked for both titulaires', () => {
    const foyer = demande({ codemandeur: true });
    const pieces = [...socles(), ...socles('codemandeur'), piece('justificatif_domicile')];
    expect(dossierComplet(plus, foyer, pieces, MAINTENANT)).toBe(true);
    expect(dossierComplet(plus, foyer, pieces.slice(0, -1), MAINTENANT)).toBe(false);
    expect(soclesDeposes(foyer, pieces.slice(0, -1), MAINTENANT)).toBe(true);
    expect(soclesDeposes(foyer, socles(), MAINTENANT)).toBe(false);
    expect(soclesDeposes(demande(), socles(), MAINTENANT)).toBe(true);
  });
});

describe('asking for a piece', () => {
  it('UI-DEMANDER-PIECE: a line is asked for only while it does not count (missing, refused, expired, falsified)', () => {
    expect(pieceADemander({ ok: false })).toBe(true);
    expect(pieceADemander({ ok: true })).toBe(false);
  });
});
