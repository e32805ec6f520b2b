import { render, screen, within } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, listHandler, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

async function headersFor(role: Role) {
  const { type: _type, motif: _motif, recidive: _recidive, ...visible } = FIXTURES.suspensions as Record<string, unknown>;
  const row = (role === 'controle_fraude' ? FIXTURES.suspensions : visible) as { id: number };
  server.use(sessionHandler(agentDe(role)), listHandler('suspensions', [row]));
  render(
    <TestMemoryRouter initialEntries={['/suspensions']}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
  const table = await screen.findByRole('table');
  await within(table).findByText('DUPONT Marie');
  return within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
}

describe('SuspensionList (R-FRAUD-VIS)', () => {
  it('shows a conseiller only that the demandeur is suspended, and until when', async () => {
    const headers = await headersFor('conseiller');
    expect(headers).toEqual(expect.arrayContaining(['Demandeur', 'Début', 'Fin', 'En cours']));
    expect(headers).not.toContain('Type');
    expect(headers).not.toContain('Récidive');
  });

  it('shows the type and recidivism to controle_fraude', async () => {
    const headers = await headersFor('controle_fraude');
    expect(headers).toEqual(expect.arrayContaining(['Type', 'Récidive']));
  });
});
