import { render, screen, within } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import { agentDe, listHandler, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

async function menuOf(role: Role) {
  server.use(sessionHandler(agentDe(role)), listHandler('candidatures', []), listHandler('offres', []), listHandler('bailleurs', []));
  render(
    <TestMemoryRouter initialEntries={['/']}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
  // The sidebar is the menu holding the resource links (wait for them: '/' renders the dashboard at once).
  await screen.findByRole('menuitem', { name: 'Offres' });
  const items = await screen.findAllByRole('menuitem');
  const menu = items[0]!.closest('ul')!;
  return {
    labels: within(menu).getAllByRole('menuitem').map((item) => item.textContent?.trim()),
    text: menu.textContent ?? '',
  };
}

describe('Menu', () => {
  it('hides from a conseiller what the ability does not let them read', async () => {
    const { labels, text } = await menuOf('conseiller');
    expect(labels).toEqual([
      'Candidatures', 'Demandes', 'Demandeurs', 'Justificatifs', 'Propositions',
      'Offres', 'Programmes', 'Bailleurs', 'Suspensions', 'Entreprises',
    ]);
    for (const hidden of ['Agents', 'Signalements', 'Exports', 'Notifications', "Journal d'audit"]) {
      expect(labels).not.toContain(hidden);
    }
    expect(text).toContain('Instruction');
    expect(text).toContain('Contrôle');
    expect(text).not.toContain('Administration');
  });

  it('shows the administration group to an admin, and no instruction', async () => {
    const { labels, text } = await menuOf('admin');
    expect(labels).toEqual(['Offres', 'Programmes', 'Bailleurs', 'Entreprises', 'Agents', 'Notifications', "Journal d'audit", 'Tâches planifiées', 'Conservation des données']);
    expect(text).toContain('Administration');
    expect(text).not.toContain('Instruction');
  });

  it('shows fraud signals to controle_fraude', async () => {
    const { labels } = await menuOf('controle_fraude');
    expect(labels).toContain('Signalements');
    expect(labels).toContain("Journal d'audit");
    expect(labels).not.toContain('Agents');
  });
});
