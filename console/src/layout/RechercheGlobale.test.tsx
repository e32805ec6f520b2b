import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import { agentDe, listHandler, sessionHandler, type ListCall } from '@console/test/handlers';
import { server } from '@console/test/server';

function ouvrir(role: 'conseiller' | 'admin', appels: ListCall[] = []) {
  server.use(
    sessionHandler(agentDe(role)),
    http.get('/api/candidatures/compteurs', () =>
      HttpResponse.json({ a_traiter: 1, mes_dossiers: 0, en_instruction: 0, transmises: 0, sans_reponse_bailleur: 0, traitees: 0, toutes: 1 })),
    listHandler('candidatures', [], appels),
    listHandler('offres', []),
    listHandler('notifications', []),
    http.get('/api/jobs', () => HttpResponse.json([])),
    http.get('/api/filtres-sauvegardes', () => HttpResponse.json([])),
  );
  render(
    <TestMemoryRouter initialEntries={['/']}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('the app bar search (issue #15)', () => {
  it('SEARCH: « noël » typed in the app bar from the landing page opens every candidature matching it, other filters cleared', async () => {
    const appels: ListCall[] = [];
    ouvrir('conseiller', appels);
    const champ = await screen.findByRole('textbox', { name: 'Rechercher une candidature' });
    fireEvent.change(champ, { target: { value: '  noël ' } });
    fireEvent.submit(champ.closest('form')!);
    await waitFor(() => expect(appels.some((a) => a.filter.q === 'noël' && a.filter.onglet === 'toutes')).toBe(true));
  });

  it('SEARCH: not shown to a role that cannot read candidatures', async () => {
    ouvrir('admin');
    await screen.findByText('Courriels en échec');
    expect(screen.queryByRole('textbox', { name: 'Rechercher une candidature' })).toBeNull();
  });
});
