import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formulaireAvec, taper } from '@console/test/saisie';
import { dateFrVersIso, isoVersDateFr, masquerDateFr } from './dateFr';
import { DateFrInput } from './DateFrInput';

const formulaire = (defaultValues: Record<string, unknown> = {}) => formulaireAvec(<DateFrInput source="from" label="Du" />, 'Du', defaultValues);

describe('A11Y-DATES: dates typed jj/mm/aaaa whatever the browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('A11Y-DATES: typing 05/03/2026 in an English browser saves 2026-03-05 in the record', async () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'en-US', languages: ['en-US'] });
    const { enregistre, champ } = formulaire();
    expect(champ().getAttribute('type')).toBe('text');
    expect(champ().placeholder).toBe('jj/mm/aaaa');
    taper(champ(), '05/03/2026');
    expect(champ().value).toBe('05/03/2026');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(enregistre).toHaveBeenCalled());
    expect(enregistre.mock.calls[0][0]).toEqual({ from: '2026-03-05' });
  });

  it('A11Y-DATES: digits alone get their slashes (05032026 → 05/03/2026)', async () => {
    const { enregistre, champ } = formulaire();
    taper(champ(), '05032026');
    expect(champ().value).toBe('05/03/2026');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(enregistre).toHaveBeenCalled());
    expect(enregistre.mock.calls[0][0]).toEqual({ from: '2026-03-05' });
  });

  it('A11Y-DATES: a stored day shows as jj/mm/aaaa', async () => {
    const { champ } = formulaire({ from: '2026-11-30' });
    expect(champ().value).toBe('30/11/2026');
  });

  it('A11Y-DATES: an impossible day (31/02/2026) shows a French error and is not saved', async () => {
    const { enregistre, champ } = formulaire();
    taper(champ(), '31/02/2026');
    fireEvent.blur(champ());
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Date invalide : écrivez-la jj/mm/aaaa (par exemple 05/03/2026).')).toBeTruthy();
    expect(champ().getAttribute('aria-invalid')).toBe('true');
    expect(enregistre).not.toHaveBeenCalled();
  });

  it('A11Y-DATES: an incomplete day (05/03/20) is refused the same way', async () => {
    const { enregistre, champ } = formulaire();
    taper(champ(), '05/03/20');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/^Date invalide/)).toBeTruthy();
    expect(enregistre).not.toHaveBeenCalled();
  });

  it('A11Y-DATES: the mask and the conversions', () => {
    expect(masquerDateFr('5/3/2026')).toBe('5/3/2026');
    expect(masquerDateFr('05-03-2026')).toBe('05/03/2026');
    expect(masquerDateFr('050320261')).toBe('05/03/2026');
    expect(masquerDateFr('ab')).toBe('');
    expect(dateFrVersIso('5/3/2026')).toBe('2026-03-05');
    expect(dateFrVersIso('29/02/2027')).toBeNull();
    expect(dateFrVersIso('29/02/2028')).toBe('2028-02-29');
    expect(isoVersDateFr('2026-03-05T23:00:00.000Z')).toBe('05/03/2026');
    expect(isoVersDateFr(null)).toBe('');
  });
});
