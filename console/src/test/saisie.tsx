import { fireEvent, render, screen } from '@testing-library/react';
import type { ReactElement } from 'react';
import { AdminContext, Form, SaveButton, testDataProvider } from 'react-admin';
import { vi } from 'vitest';
import { i18nProvider } from '@console/i18n/i18nProvider';

/** A react-admin form around one input; `enregistre` receives the record saved, `champ` is the input named `label`. */
export function formulaireAvec(input: ReactElement, label: string, defaultValues: Record<string, unknown> = {}) {
  const enregistre = vi.fn();
  render(
    <AdminContext dataProvider={testDataProvider()} i18nProvider={i18nProvider}>
      <Form defaultValues={defaultValues} onSubmit={enregistre}>
        {input}
        <SaveButton alwaysEnable />
      </Form>
    </AdminContext>,
  );
  return { enregistre, champ: () => screen.getByRole('textbox', { name: label }) as HTMLInputElement };
}

/** Types character by character, as a keyboard does (each keystroke is one change of the field). */
export function taper(champ: HTMLInputElement, texte: string) {
  let valeur = champ.value;
  for (const c of texte) {
    valeur += c;
    fireEvent.change(champ, { target: { value: valeur } });
    valeur = champ.value;
  }
}
