import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import type { Candidature } from '@console/data/records';
import { dossierPour, instructionHandlers } from '@console/candidatures/test/handlers';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

describe('« Signaler au contrôle fraude » on the dossier page (issue #15)', () => {
  it('R-FRAUD-VIS: a conseiller writes what alerts him (10 characters at least), sends it, and is told the signal number', async () => {
    const agent = agentDe('conseiller');
    const record = { ...(FIXTURES.candidatures as Candidature), statut: 'en_instruction' as const, rang: 1, palier: 1, motifRang: 'dossier complet' };
    const recus: unknown[] = [];
    server.use(
      sessionHandler(agent),
      ...instructionHandlers({ dossier: () => dossierPour(record, agent, { verrou: null }) }),
      http.get('/api/candidatures/:id', () => HttpResponse.json(record)),
      http.post('/api/candidatures/:id/signaler-fraude', async ({ request }) => {
        recus.push(await request.json());
        return HttpResponse.json({ signalementId: 321 }, { status: 201 });
      }),
      ...fixtureHandlers(FIXTURES),
    );
    render(
      <TestMemoryRouter initialEntries={[`/candidatures/${record.id}/show`]}>
        <App store={memoryStore()} />
      </TestMemoryRouter>,
    );
    // Beside it, the dossier's pieces as one ZIP (issue #15), a plain download with the session cookie.
    const zip = await screen.findByRole('link', { name: 'Pièces (ZIP)' });
    expect(zip.getAttribute('href')).toBe(`/api/candidatures/${record.id}/pieces.zip`);
    fireEvent.click(await screen.findByRole('button', { name: 'Signaler au contrôle fraude' }));
    const dialogue = await screen.findByRole('dialog', { name: 'Signaler ce dossier au contrôle fraude' });
    const envoyer = within(dialogue).getByRole('button', { name: 'Signaler' });
    fireEvent.change(within(dialogue).getByLabelText(/^Ce qui vous alerte/), { target: { value: 'louche' } });
    expect((envoyer as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialogue).getByLabelText(/^Ce qui vous alerte/), { target: { value: '  Même RIB que le dossier voisin.  ' } });
    fireEvent.click(envoyer);
    await screen.findByText('Dossier signalé au contrôle fraude (signalement n° 321).');
    expect(recus).toEqual([{ motif: 'Même RIB que le dossier voisin.' }]);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Signaler ce dossier au contrôle fraude' })).toBeNull());
  });
});
