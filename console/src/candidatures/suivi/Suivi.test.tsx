import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import type { Dossier } from '@console/data/instruction';
import type { Candidature } from '@console/data/records';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, listHandler, sessionHandler, type ListCall } from '@console/test/handlers';
import { server } from '@console/test/server';
import { dossierPour, instructionHandlers } from '@console/candidatures/test/handlers';

const CANDIDATURE = FIXTURES.candidatures as Candidature;
const MODIFIE = 'modifié depuis votre dernière visite';

describe('UI-SUIVI: follow a dossier', () => {
  it('UI-SUIVI: « Suivis » lists the followed dossiers (all tabs), a changed one carries « modifié depuis votre dernière visite »', async () => {
    const calls: ListCall[] = [];
    const lignes = [
      { ...CANDIDATURE, id: 1, reference: 'CAND-2026-000001', suivi: true, modifieDepuisVisite: true },
      { ...CANDIDATURE, id: 2, reference: 'CAND-2026-000002', suivi: true, modifieDepuisVisite: false },
    ];
    server.use(sessionHandler(agentDe('conseiller')), ...instructionHandlers(), listHandler('offres', []), listHandler('candidatures', lignes, calls));
    render(
      <TestMemoryRouter initialEntries={['/candidatures']}>
        <App store={memoryStore()} />
      </TestMemoryRouter>,
    );
    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000002');
    const suivis = screen.getByRole('button', { name: 'Suivis' });
    expect(suivis.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(suivis);
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'toutes', suivies: true }));
    expect(screen.getByRole('button', { name: 'Suivis' }).getAttribute('aria-pressed')).toBe('true');
    const ligne1 = within(table).getByText('CAND-2026-000001').closest('tr')!;
    const ligne2 = within(table).getByText('CAND-2026-000002').closest('tr')!;
    expect(within(ligne1).getByText(MODIFIE)).toBeTruthy();
    expect(within(ligne2).queryByText(MODIFIE)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Suivis' }));
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'toutes' }));
  });

  it('UI-SUIVI: on the dossier, « Suivre » follows it (PUT …/suivi); a followed dossier that changed says so in its header', async () => {
    const agent = agentDe('conseiller');
    let suivi: Dossier['suivi'] = null;
    const appels: string[] = [];
    server.use(
      sessionHandler(agent),
      ...instructionHandlers({ dossier: () => dossierPour(CANDIDATURE, agent, { verrou: null, suivi }) }),
      http.get('/api/candidatures/:id', () => HttpResponse.json(CANDIDATURE)),
      http.put('/api/candidatures/:id/suivi', ({ params }) => {
        appels.push(`PUT ${String(params.id)}`);
        suivi = { vuLe: '2026-03-12T08:14:00Z', modifieDepuisVisite: true };
        return HttpResponse.json({ ...CANDIDATURE, suivi: true, modifieDepuisVisite: false });
      }),
      ...fixtureHandlers(FIXTURES),
    );
    render(
      <TestMemoryRouter initialEntries={[`/candidatures/${CANDIDATURE.id}/show`]}>
        <App store={memoryStore()} />
      </TestMemoryRouter>,
    );
    const suivre = await screen.findByRole('button', { name: 'Suivre' });
    await waitFor(() => expect((suivre as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByText(MODIFIE)).toBeNull();
    fireEvent.click(suivre);
    await screen.findByText('Vous suivez ce dossier.');
    expect(appels).toEqual([`PUT ${CANDIDATURE.id}`]);
    // The dossier reloaded as followed (here: changed since the previous visit).
    const nePlus = await screen.findByRole('button', { name: 'Ne plus suivre' });
    expect(nePlus.getAttribute('aria-pressed')).toBe('true');
    expect(await screen.findByText(MODIFIE)).toBeTruthy();
  });
});
