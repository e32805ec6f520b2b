import { describe, expect, it } from 'vitest';
import { compte } from '@console/bailleur/format';
import { fr } from '@console/i18n/fr';
import { i18nProvider } from '@console/i18n/i18nProvider';

const t = (cle: string, args: Record<string, unknown>) => i18nProvider.translate(cle, args);

/** Every string of a catalogue, with its key. */
function chaines(o: unknown, prefixe = ''): [string, string][] {
  if (typeof o === 'string') return [[prefixe, o]];
  if (o && typeof o === 'object') return Object.entries(o).flatMap(([k, v]) => chaines(v, prefixe ? `${prefixe}.${k}` : k));
  return [];
}

describe('ISSUE-15 counts in words, never « (s) »', () => {
  it('ISSUE-15: no string of the French catalogue writes a plural as « (s) »', () => {
    expect(chaines(fr).filter(([, v]) => /\w\(s\)/.test(v)).map(([k]) => k)).toEqual([]);
  });

  it('ISSUE-15: pieces checked, applicants matched, proposals sent: 0 and 1 singular, 2 and more plural (French rule)', () => {
    expect(t('app.traitement.pieces.compte', { smart_count: 0, total: 3 })).toBe('0 validée sur 3');
    expect(t('app.traitement.pieces.compte', { smart_count: 1, total: 3 })).toBe('1 validée sur 3');
    expect(t('app.traitement.pieces.compte', { smart_count: 3, total: 3 })).toBe('3 validées sur 3');
    expect(t('app.correspondances.trouves', { smart_count: 1 })).toBe('1 demandeur correspond');
    expect(t('app.correspondances.trouves', { smart_count: 12 })).toBe('12 demandeurs correspondent');
    expect(t('app.correspondances.nbEcartes', { smart_count: 2 })).toBe('2 écartés');
    const resultat = (envoyees: number, refusees: number) => t('app.propositions.resultat', {
      envoyees: t('app.propositions.envoyees', { smart_count: envoyees }), refusees: t('app.propositions.nbRefusees', { smart_count: refusees }),
    });
    expect(resultat(3, 0)).toBe('3 propositions envoyées, 0 refusée.');
    expect(resultat(1, 2)).toBe('1 proposition envoyée, 2 refusées.');
  });

  it('ISSUE-15: the bailleur’s spreadsheet report counts in words (« 1 ligne refusée », « 3 lignes refusées »)', () => {
    expect(compte(0, 'ligne refusée', 'lignes refusées')).toBe('0 ligne refusée');
    expect(compte(1, 'ligne refusée', 'lignes refusées')).toBe('1 ligne refusée');
    expect(compte(3, 'ligne refusée', 'lignes refusées')).toBe('3 lignes refusées');
  });
});
