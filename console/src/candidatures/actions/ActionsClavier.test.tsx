import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { StatutCandidature } from '@shared/domain/enums';
import { App } from '@console/App';
import type { Candidature } from '@console/data/records';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';
import { dossierPour, instructionHandlers } from '@console/candidatures/test/handlers';

/** The candidature page of a deposee candidature; « Instruire » turns it en_instruction. */
function renderDossier() {
  const agent = agentDe('conseiller');
  let statut: StatutCandidature = 'deposee';
  const record = () => ({ ...(FIXTURES.candidatures as Candidature), statut, rang: 1, palier: 1 });
  server.use(
    sessionHandler(agent),
    ...instructionHandlers({ dossier: () => dossierPour(record(), agent) }),
    http.get('/api/candidatures/:id', () => HttpResponse.json(record())),
    http.post('/api/candidatures/:id/instruire', () => {
      statut = 'en_instruction';
      return HttpResponse.json(record());
    }),
    ...fixtureHandlers(FIXTURES),
  );
  render(
    <TestMemoryRouter initialEntries={[`/candidatures/${record().id}/show`]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('A11Y-CLAVIER: the dossier actions by keyboard', () => {
  it('A11Y-CLAVIER: « A » puts the focus on the first action; once « Instruire » is done the focus is on « Désigner au bailleur », not on the page', async () => {
    renderDossier();
    await screen.findByText('Pièces du dossier');
    const instruire = await screen.findByRole('button', { name: 'Instruire' });
    fireEvent.keyDown(document.body, { key: 'a' });
    expect(document.activeElement).toBe(instruire);
    // Enter on a focused button is its click.
    fireEvent.click(instruire);
    const designer = await screen.findByRole('button', { name: 'Désigner au bailleur' });
    await waitFor(() => expect(document.activeElement).toBe(designer));
    expect(screen.getByRole('group', { name: /Actions du dossier/ })).toBeTruthy();
  });

  it('A11Y-CLAVIER: « A » is listed in the « ? » help of the dossier', async () => {
    renderDossier();
    await screen.findByText('Pièces du dossier');
    fireEvent.keyDown(document.body, { key: '?' });
    expect(await screen.findByText('Actions du dossier (Instruire, Désigner…) : y aller')).toBeTruthy();
  });
});
