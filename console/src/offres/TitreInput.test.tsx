import { fireEvent, render, screen } from '@testing-library/react';
import { AdminContext, Form, testDataProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '@console/i18n/i18nProvider';
import { TitreInput } from './OffreInputs';

const formulaire = (creation: boolean) =>
  render(
    <AdminContext dataProvider={testDataProvider()} i18nProvider={i18nProvider}>
      <Form defaultValues={{ forme: 'identifie', nature: 'classique', typologie: 'T2', surface: 47.5, commune: 'Lyon' }}>
        <TitreInput creation={creation} />
      </Form>
    </AdminContext>,
  );

describe('offer form: the title', () => {
  it('titles derive from the data: at creation the empty title shows the one the server will derive', async () => {
    formulaire(true);
    expect(await screen.findByText('Laissé vide, le titre suit les données : « T2 de 47,5 m² – Lyon »')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'T2 lumineux' } });
    expect((screen.getByRole('textbox') as HTMLInputElement).value).toBe('T2 lumineux');
  });

  it('on edit the title stays required and no derived help is shown', async () => {
    formulaire(false);
    await screen.findByRole('textbox');
    expect(screen.queryByText(/le titre suit les données/)).toBeNull();
  });
});
