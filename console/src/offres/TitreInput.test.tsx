import { render, screen } from '@testing-library/react';
import { AdminContext, Form, testDataProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '@console/i18n/i18nProvider';
import { TitreInput } from './OffreInputs';

const formulaire = (valeurs: Record<string, unknown>) =>
  render(
    <AdminContext
      dataProvider={testDataProvider({ getOne: (async () => ({ data: { id: 7, nom: 'Résidence Les Canuts' } })) as never })}
      i18nProvider={i18nProvider}
    >
      <Form defaultValues={{ forme: 'identifie', nature: 'classique', typologie: 'T2', surface: 47.5, commune: 'Lyon', ...valeurs }}>
        <TitreInput />
      </Form>
    </AdminContext>,
  );

describe('offer form: the title', () => {
  it('ISSUE-17: titles derive from the data: the form shows, read-only, the title the server will write', async () => {
    formulaire({});
    const champ = (await screen.findByRole('textbox')) as HTMLInputElement;
    expect(champ.value).toBe('T2 de 47,5 m² – Lyon');
    expect(champ.readOnly).toBe(true);
    expect(screen.getByText(/Le titre suit les données/)).toBeTruthy();
  });

  it('ISSUE-17: on edit a stale stored title (« T2 de 48 m² ») gives way to the one of the data, programme included', async () => {
    formulaire({ titre: 'T2 de 48 m²', programmeId: 7 });
    await screen.findByDisplayValue('T2 de 47,5 m² – Résidence Les Canuts, Lyon');
    expect(screen.queryByDisplayValue('T2 de 48 m²')).toBeNull();
  });
});
