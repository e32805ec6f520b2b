import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AdminContext, Form, testDataProvider } from 'react-admin';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formulaireAvec, taper } from '@console/test/saisie';
import { i18nProvider } from '@console/i18n/i18nProvider';
import { OffreInputs } from '@console/offres/OffreInputs';
import { dateHeureFrVersIso, heureInexistanteParis, isoVersDateHeureFr, masquerDateHeureFr } from './dateFr';
import { DateHeureFrInput } from './DateHeureFrInput';

const formulaire = (defaultValues: Record<string, unknown> = {}) => formulaireAvec(<DateHeureFrInput source="debut" label="Début" />, 'Début', defaultValues);

describe('UI-DATES-FR: date and time typed jj/mm/aaaa hh:mm, Paris time, whatever the browser', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('UI-DATES-FR: Paris wall time ↔ the UTC instant, winter and summer', () => {
    expect(dateHeureFrVersIso('15/01/2026 09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(dateHeureFrVersIso('15/07/2026 09:30')).toBe('2026-07-15T07:30:00.000Z');
    expect(dateHeureFrVersIso('5/3/2026 9:05')).toBe('2026-03-05T08:05:00.000Z');
    expect(dateHeureFrVersIso('01/01/2027 00:00')).toBe('2026-12-31T23:00:00.000Z');
    expect(dateHeureFrVersIso('31/12/2026 23:59')).toBe('2026-12-31T22:59:00.000Z');
    expect(isoVersDateHeureFr('2026-01-15T08:30:00.000Z')).toBe('15/01/2026 09:30');
    expect(isoVersDateHeureFr('2026-07-15T07:30:00Z')).toBe('15/07/2026 09:30');
    expect(isoVersDateHeureFr('2026-12-31T23:00:00.000Z')).toBe('01/01/2027 00:00');
    expect(isoVersDateHeureFr('2026-07-15T09:30:00+02:00')).toBe('15/07/2026 09:30');
    expect(isoVersDateHeureFr('2026-07-15')).toBe('');
    expect(isoVersDateHeureFr(null)).toBe('');
  });

  it('UI-DATES-FR: 29/03/2026, clocks go forward at 02:00: 01:59 is winter time, 02:00–02:59 does not exist, 03:00 is summer time', () => {
    expect(dateHeureFrVersIso('29/03/2026 01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(dateHeureFrVersIso('29/03/2026 02:00')).toBeNull();
    expect(dateHeureFrVersIso('29/03/2026 02:30')).toBeNull();
    expect(heureInexistanteParis('29/03/2026 02:30')).toBe(true);
    expect(dateHeureFrVersIso('29/03/2026 03:00')).toBe('2026-03-29T01:00:00.000Z');
    expect(dateHeureFrVersIso('29/03/2026 12:00')).toBe('2026-03-29T10:00:00.000Z');
    expect(dateHeureFrVersIso('28/03/2026 12:00')).toBe('2026-03-28T11:00:00.000Z');
    expect(isoVersDateHeureFr('2026-03-29T00:59:00.000Z')).toBe('29/03/2026 01:59');
    expect(isoVersDateHeureFr('2026-03-29T01:00:00.000Z')).toBe('29/03/2026 03:00');
  });

  it('UI-DATES-FR: 25/10/2026, clocks go back at 03:00: 02:00–02:59 happens twice, the first (summer time) is taken', () => {
    expect(dateHeureFrVersIso('25/10/2026 01:59')).toBe('2026-10-24T23:59:00.000Z');
    expect(dateHeureFrVersIso('25/10/2026 02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(heureInexistanteParis('25/10/2026 02:30')).toBe(false);
    expect(dateHeureFrVersIso('25/10/2026 03:00')).toBe('2026-10-25T02:00:00.000Z');
    expect(dateHeureFrVersIso('26/10/2026 12:00')).toBe('2026-10-26T11:00:00.000Z');
    // Both 02:30 show as 02:30 (the second one, winter time, comes from the server only).
    expect(isoVersDateHeureFr('2026-10-25T00:30:00.000Z')).toBe('25/10/2026 02:30');
    expect(isoVersDateHeureFr('2026-10-25T01:30:00.000Z')).toBe('25/10/2026 02:30');
    expect(isoVersDateHeureFr('2026-10-25T02:00:00.000Z')).toBe('25/10/2026 03:00');
  });

  it('UI-DATES-FR: impossible or incomplete inputs, and the mask', () => {
    for (const t of ['31/02/2026 10:00', '29/02/2027 10:00', '12/13/2026 10:00', '05/03/2026 24:00', '05/03/2026 10:60', '05/03/2026', '05/03/2026 10', '05/03/20 10:00', '']) {
      expect(dateHeureFrVersIso(t), t).toBeNull();
      expect(heureInexistanteParis(t), t).toBe(false);
    }
    expect(dateHeureFrVersIso('29/02/2028 10:00')).toBe('2028-02-29T09:00:00.000Z');
    expect(masquerDateHeureFr('290320261430')).toBe('29/03/2026 14:30');
    expect(masquerDateHeureFr('2903202614301')).toBe('29/03/2026 14:30');
    expect(masquerDateHeureFr('5/3/2026 9h05')).toBe('5/3/2026 9:05');
    expect(masquerDateHeureFr('29-03-2026 14:30')).toBe('29/03/2026 14:30');
    expect(masquerDateHeureFr('ab')).toBe('');
  });

  it('UI-DATES-FR: typing 29/03/2026 14:30 in an English browser saves the instant 2026-03-29T12:30:00.000Z', async () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'en-US', languages: ['en-US'] });
    const { enregistre, champ } = formulaire();
    expect(champ().getAttribute('type')).toBe('text');
    expect(champ().placeholder).toBe('jj/mm/aaaa hh:mm');
    expect(screen.getByText('jj/mm/aaaa hh:mm, heure de Paris')).toBeTruthy();
    taper(champ(), '290320261430');
    expect(champ().value).toBe('29/03/2026 14:30');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(enregistre).toHaveBeenCalled());
    expect(enregistre.mock.calls[0][0]).toEqual({ debut: '2026-03-29T12:30:00.000Z' });
  });

  it('UI-DATES-FR: a stored instant shows in Paris time; emptied, it saves null', async () => {
    const { enregistre, champ } = formulaire({ debut: '2026-10-25T02:00:00.000Z' });
    expect(champ().value).toBe('25/10/2026 03:00');
    fireEvent.change(champ(), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(enregistre).toHaveBeenCalled());
    expect(enregistre.mock.calls[0][0]).toEqual({ debut: null });
  });

  it('UI-DATES-FR: an impossible date and time (31/02/2026 10:00) shows a French error and is not saved', async () => {
    const { enregistre, champ } = formulaire();
    taper(champ(), '31/02/2026 10:00');
    fireEvent.blur(champ());
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Date et heure invalides : écrivez-les jj/mm/aaaa hh:mm (par exemple 05/03/2026 09:30).')).toBeTruthy();
    expect(champ().getAttribute('aria-invalid')).toBe('true');
    expect(enregistre).not.toHaveBeenCalled();
  });

  it('UI-DATES-FR: the hour Paris skips (29/03/2026 02:30) is refused with its own French reason', async () => {
    const { enregistre, champ } = formulaire();
    taper(champ(), '29/03/2026 02:30');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Cette heure n’existe pas à Paris ce jour-là (passage à l’heure d’été) : choisissez 03:00 ou plus tard.')).toBeTruthy();
    expect(enregistre).not.toHaveBeenCalled();
  });

  it('UI-DATES-FR: the offer form (creation) asks the publication window as jj/mm/aaaa hh:mm, not a native date-time input', async () => {
    const enregistre = vi.fn();
    render(
      <AdminContext dataProvider={testDataProvider({ getList: async () => ({ data: [], total: 0 }) as never })} i18nProvider={i18nProvider}>
        <Form resource="offres" onSubmit={enregistre}>
          <OffreInputs creation />
        </Form>
      </AdminContext>,
    );
    for (const nom of ['Début de publication', 'Fin de publication']) {
      const champ = (await screen.findByRole('textbox', { name: nom })) as HTMLInputElement;
      expect(champ.placeholder).toBe('jj/mm/aaaa hh:mm');
    }
    expect(document.querySelector('input[type="datetime-local"]')).toBeNull();
    taper(screen.getByRole('textbox', { name: 'Fin de publication' }) as HTMLInputElement, '25/10/2026 23:59');
    expect((screen.getByRole('textbox', { name: 'Fin de publication' }) as HTMLInputElement).value).toBe('25/10/2026 23:59');
  });
});
