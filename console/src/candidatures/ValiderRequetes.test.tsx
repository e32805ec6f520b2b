import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import type { Candidature } from '@console/data/records';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';
import { dossierPour, instructionHandlers } from './test/handlers';

describe('« Valider » a piece', () => {
  it('PERF-VALIDER: one request — the POST answers what the dossier screen shows, the cache is updated from it', async () => {
    const agent = agentDe('conseiller');
    const record = { ...(FIXTURES.candidatures as Candidature), statut: 'en_instruction' as const, rang: 2, palier: 1, motifRang: 'dossier complet, candidature du 12/03/2026 à 09:14' };
    const requetes: string[] = [];
    let apres = false;
    server.events.on('request:start', ({ request }) => {
      if (apres) requetes.push(`${request.method} ${new URL(request.url).pathname}${new URL(request.url).search}`);
    });
    server.use(
      sessionHandler(agent),
      ...instructionHandlers({ dossier: () => dossierPour(record, agent, { verrou: null }) }),
      http.get('/api/candidatures/:id', () => HttpResponse.json(record)),
      http.post('/api/justificatifs/41/valider', () => HttpResponse.json({
        ...FIXTURES.justificatifs, id: 41, statut: 'valide',
        candidature: { ...record, palier: 1, rang: 1 },
        dossier: dossierPour(record, agent, { verrou: null }),
        timeline: [],
      })),
      ...fixtureHandlers(FIXTURES),
    );
    render(
      <TestMemoryRouter initialEntries={[`/candidatures/${record.id}/show`]}>
        <App store={memoryStore()} />
      </TestMemoryRouter>,
    );
    await screen.findByRole('list', { name: 'Pièces du dossier' });
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    await new Promise((r) => setTimeout(r, 300));
    apres = true;
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(requetes.some((r) => r.startsWith('POST'))).toBe(true));
    await new Promise((r) => setTimeout(r, 500));
    server.events.removeAllListeners();
    expect(requetes.filter((r) => !r.includes('/fichier'))).toEqual(['POST /api/justificatifs/41/valider?candidatureId=' + record.id]);
  });
});
