import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Justificatif, Signalement } from '@console/data/records';
import { FIXTURES } from './fixtures';
import { renderAt } from './rendu';

const compte = (id: number, nom: string, prenom: string, civilite: string) => ({
  id, civilite, nom, prenom, dateNaissance: '1990-01-02', email: `${prenom.toLowerCase()}@exemple.test`, telephone: '0612345678',
});

describe('ISSUE-15 fraud evidence in words, not normalised keys', () => {
  it('ISSUE-15 R-ONE-ACCOUNT: an identity key « benali karim|1990-01-02 » reads « BENALI Karim, né le 02/01/1990 » (the key in the tooltip only)', async () => {
    const s: Signalement = {
      ...(FIXTURES.signalements as Signalement), type: 'identite_multiple',
      preuves: { cleIdentite: 'benali karim|1990-01-02', comptes: [compte(11, 'Benali', 'Karim', 'M'), compte(12, 'BEN-ALI', 'karim', 'M')] },
    };
    renderAt('/signalements/71/show', 'controle_fraude', { fixtures: { ...FIXTURES, signalements: s } });
    // The first render of the file loads react-admin and MUI: slow on a loaded machine.
    const valeur = await screen.findByText('BENALI Karim, né le 02/01/1990', {}, { timeout: 25_000 });
    expect(valeur.getAttribute('title')).toBe('benali karim|1990-01-02');
    expect(screen.queryByText('benali karim|1990-01-02')).toBeNull();
    expect(document.body.textContent).not.toContain('1990-01-02');
  });

  it('ISSUE-15 R-ONE-ACCOUNT: a shared phone reads in pairs « 06 12 34 56 78 », not « 0612345678 »', async () => {
    const s: Signalement = { ...(FIXTURES.signalements as Signalement), type: 'telephone_partage', preuves: { telephone: '0612345678', comptes: [compte(11, 'Dupont', 'Marie', 'Mme')] } };
    renderAt('/signalements/71/show', 'controle_fraude', { fixtures: { ...FIXTURES, signalements: s } });
    const bloc = (await screen.findByRole('heading', { name: 'Téléphone commun' })).closest('section')!;
    expect(within(bloc).getByText('06 12 34 56 78')).toBeTruthy();
    expect(within(bloc).queryByText('0612345678')).toBeNull();
  });

  it('ISSUE-15 R-FRAUD-VIS: a piece’s PDF metadata on its page: French labels, dates dd/mm/yyyy hh:mm in Paris, no English key', async () => {
    const j: Justificatif = {
      ...(FIXTURES.justificatifs as Justificatif),
      metadonneesPdf: { Producer: 'PhotoEditor 3', Author: 'Karim', CreationDate: "D:20250105143000+01'00'", ModDate: 'D:20250301090000Z' },
    };
    renderAt('/justificatifs/41/show', 'controle_fraude', { fixtures: { ...FIXTURES, justificatifs: j } });
    expect(await screen.findByText('Logiciel producteur')).toBeTruthy();
    expect(screen.getByText('Auteur')).toBeTruthy();
    expect(screen.getByText('Créé le')).toBeTruthy();
    expect(screen.getByText('Modifié le')).toBeTruthy();
    expect(screen.getByText('05/01/2025 14:30')).toBeTruthy();
    expect(screen.getByText('01/03/2025 10:00')).toBeTruthy(); // 09:00 UTC is 10:00 in Paris
    for (const anglais of ['Producer', 'CreationDate', 'ModDate', 'Author']) expect(screen.queryByText(anglais)).toBeNull();
  });
});
