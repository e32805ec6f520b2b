import { describe, expect, it } from 'vitest';
import { MOTIFS_NON_RETENUE_BAILLEUR } from '@shared/domain/enums';
import {
  COMMENTAIRE_MAX, jourParis, LIBELLES_MOTIF_NON_RETENUE, lireDateCaleol, lireDecision, lireMotif, validerDecision,
} from './decisionBailleur';

const ctx = { designeeLe: '2026-03-02T15:00:00Z', maintenant: '2026-03-20T10:00:00Z' };

describe('bailleur decision', () => {
  it('R-BAIL-DECISION: an attribution needs only the CALEOL date', () => {
    expect(validerDecision({ decision: 'Attribuée', dateCaleol: '18/03/2026' }, ctx)).toEqual({
      ok: true, decision: 'attribuee', motif: null, commentaire: null, dateCaleol: '2026-03-18', motifTransition: null,
    });
  });

  it('R-BAIL-DECISION: a refusal needs a motif of the list; its label is the motif the demandeur reads', () => {
    const r = validerDecision({ decision: 'non retenue', motif: 'Dossier incomplet', commentaire: ' manque le bail ', dateCaleol: '2026-03-18' }, ctx);
    expect(r).toEqual({ ok: true, decision: 'non_retenue', motif: 'dossier_incomplet', commentaire: 'manque le bail', dateCaleol: '2026-03-18', motifTransition: 'Dossier incomplet' });
    expect(validerDecision({ decision: 'NON_RETENUE', dateCaleol: '18/03/2026' }, ctx)).toMatchObject({ ok: false, code: 'MOTIF_REQUIS', champ: 'motif' });
    expect(validerDecision({ decision: 'non_retenue', motif: 'trop tard', dateCaleol: '18/03/2026' }, ctx)).toMatchObject({ code: 'MOTIF_INCONNU' });
  });

  it('R-BAIL-DECISION: « Autre » needs the free text, which is then the motif', () => {
    expect(validerDecision({ decision: 'non_retenue', motif: 'autre', dateCaleol: '18/03/2026' }, ctx)).toMatchObject({ code: 'COMMENTAIRE_REQUIS', champ: 'commentaire' });
    expect(validerDecision({ decision: 'non_retenue', motif: 'autre', commentaire: 'Logement sinistré', dateCaleol: '18/03/2026' }, ctx)).toMatchObject({ ok: true, motifTransition: 'Logement sinistré' });
    expect(validerDecision({ decision: 'attribuee', commentaire: 'x'.repeat(COMMENTAIRE_MAX + 1), dateCaleol: '18/03/2026' }, ctx)).toMatchObject({ code: 'COMMENTAIRE_TROP_LONG' });
  });

  it('R-BAIL-DECISION: refuses an empty or unknown decision', () => {
    expect(validerDecision({ decision: '', dateCaleol: '18/03/2026' }, ctx)).toMatchObject({ ok: false, code: 'DECISION_INVALIDE', champ: 'decision' });
    expect(validerDecision({ decision: 'peut-être', dateCaleol: '18/03/2026' }, ctx)).toMatchObject({ code: 'DECISION_INVALIDE' });
    expect(validerDecision({ decision: { attribuee: true }, dateCaleol: '18/03/2026' }, ctx)).toMatchObject({ code: 'DECISION_INVALIDE' });
  });

  it('R-BAIL-DECISION: the CALEOL date is a real day, not in the future, not before the designation (Paris)', () => {
    const d = (dateCaleol: unknown) => validerDecision({ decision: 'attribuee', dateCaleol }, ctx);
    expect(d(null)).toMatchObject({ code: 'DATE_CALEOL_REQUISE', champ: 'dateCaleol' });
    expect(d('31/02/2026')).toMatchObject({ code: 'DATE_CALEOL_INVALIDE' });
    expect(d('demain')).toMatchObject({ code: 'DATE_CALEOL_INVALIDE' });
    expect(d('21/03/2026')).toMatchObject({ code: 'DATE_CALEOL_FUTURE' });
    expect(d('20/03/2026')).toMatchObject({ ok: true });
    expect(d('01/03/2026')).toMatchObject({ code: 'DATE_CALEOL_AVANT_DESIGNATION', raison: expect.stringContaining('02/03/2026') });
    expect(d('02/03/2026')).toMatchObject({ ok: true });
    expect(validerDecision({ decision: 'attribuee', dateCaleol: '01/01/2026' }, { ...ctx, designeeLe: null })).toMatchObject({ ok: true });
  });

  it('R-BAIL-DECISION: spreadsheet cells — labels or codes, any case or accents, Excel dates', () => {
    expect(lireDecision(' ATTRIBUEE ')).toBe('attribuee');
    expect(lireDecision('Non-retenue')).toBe('non_retenue');
    expect(lireDecision(null)).toBeNull();
    expect(lireDecision(3)).toBe('inconnue');
    for (const m of MOTIFS_NON_RETENUE_BAILLEUR) {
      expect(lireMotif(LIBELLES_MOTIF_NON_RETENUE[m].toUpperCase())).toBe(m);
      expect(lireMotif(m)).toBe(m);
    }
    expect(lireMotif('   ')).toBeNull();
    expect(lireMotif('Refus de la commission d\u2019attribution (CALEOL)')).toBe('refus_caleol');
    expect(lireDateCaleol(new Date(Date.UTC(2026, 2, 18)))).toBe('2026-03-18');
    expect(lireDateCaleol(new Date('invalid'))).toBe('invalide');
    expect(lireDateCaleol('2026-02-30')).toBe('invalide');
    expect(lireDateCaleol('1/3/2026')).toBe('2026-03-01');
    expect(lireDateCaleol('18.03.2026')).toBe('2026-03-18');
    expect(lireDateCaleol('01/01/1800')).toBe('invalide');
    expect(lireDateCaleol(undefined)).toBeNull();
    expect(jourParis('2026-03-20T23:30:00Z')).toBe('2026-03-21');
  });
});
