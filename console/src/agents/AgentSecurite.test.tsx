import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import { agentDe, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

const AGENT = { id: 12, email: 'lea.durand@als.test', nom: 'Durand', prenom: 'Léa', role: 'conseiller', territoires: ['69'], actif: true, createdAt: '2026-03-12T08:14:00Z' };

function ouvrir(url: string) {
  render(
    <TestMemoryRouter initialEntries={[url]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('SEC-MDP: the agent form applies the shared password policy', () => {
  it('refuses password1234 under the field, before any request', async () => {
    let posted = false;
    server.use(
      sessionHandler(agentDe('admin', [])),
      http.post('/api/agents', () => {
        posted = true;
        return HttpResponse.json({}, { status: 201 });
      }),
    );
    ouvrir('/agents/create');
    await screen.findByText('Nouvel agent');
    fireEvent.change(screen.getByLabelText(/^Prénom/), { target: { value: 'Léa' } });
    fireEvent.change(screen.getByLabelText(/^Nom/), { target: { value: 'Durand' } });
    fireEvent.change(screen.getByLabelText(/^Adresse e-mail/), { target: { value: 'lea.durand@als.test' } });
    fireEvent.change(screen.getByLabelText(/^Mot de passe/), { target: { value: 'password1234' } });
    fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
    expect(await screen.findByText(/fait partie des plus utilisés/)).toBeTruthy();
    expect(posted).toBe(false);
  });
});

describe('SEC-SESSION: « Révoquer les sessions » on the agent’s page', () => {
  it('asks for confirmation, posts the action and says how many sessions ended', async () => {
    let appele = 0;
    server.use(
      sessionHandler(agentDe('admin', [])),
      http.get('/api/agents/12', () => HttpResponse.json(AGENT)),
      http.post('/api/agents/12/revoquer-sessions', () => {
        appele++;
        return HttpResponse.json({ revoquees: 2 });
      }),
    );
    ouvrir('/agents/12/show');
    fireEvent.click(await screen.findByRole('button', { name: 'Révoquer les sessions' }));
    expect(await screen.findByText('Révoquer les sessions de Léa Durand ?')).toBeTruthy();
    const boutons = screen.getAllByRole('button', { name: 'Révoquer les sessions' });
    fireEvent.click(boutons[boutons.length - 1]);
    expect(await screen.findByText('2 sessions révoquées.')).toBeTruthy();
    await waitFor(() => expect(appele).toBe(1));
  });

  it('is not offered to a role that may not update agents', async () => {
    server.use(sessionHandler(agentDe('manager', [])), http.get('/api/agents/12', () => HttpResponse.json(AGENT)));
    ouvrir('/agents/12/show');
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('button', { name: 'Révoquer les sessions' })).toBeNull();
  });
});
