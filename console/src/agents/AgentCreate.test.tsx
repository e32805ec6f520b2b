import { fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import { agentDe, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

function fill(label: RegExp, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

async function submitNewAgent() {
  render(
    <TestMemoryRouter initialEntries={['/agents/create']}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
  await screen.findByText('Nouvel agent');
  fill(/^Prénom/, 'Léa');
  fill(/^Nom/, 'Durand');
  fill(/^Adresse e-mail/, 'lea.durand@als.test');
  fill(/^Mot de passe/, 'un-mot-de-passe-long');
  fireEvent.click(screen.getByRole('button', { name: /Enregistrer/ }));
}

describe('AgentCreate', () => {
  it('posts the new agent and shows its page', async () => {
    let body: Record<string, unknown> | undefined;
    server.use(
      sessionHandler(agentDe('admin', [])),
      http.post('/api/agents', async ({ request }) => {
        body = (await request.json()) as Record<string, unknown>;
        return HttpResponse.json({ id: 12, ...body, motDePasse: undefined, actif: true, createdAt: '2026-03-12T08:14:00Z' }, { status: 201 });
      }),
      http.get('/api/agents/12', () =>
        HttpResponse.json({ id: 12, email: 'lea.durand@als.test', nom: 'Durand', prenom: 'Léa', role: 'conseiller', territoires: [], actif: true, createdAt: '2026-03-12T08:14:00Z' }),
      ),
    );
    await submitNewAgent();
    await screen.findByText('Agent Léa Durand');
    expect(body).toEqual({ prenom: 'Léa', nom: 'Durand', email: 'lea.durand@als.test', role: 'conseiller', territoires: [], motDePasse: 'un-mot-de-passe-long' });
  });

  it('shows the server field errors under their inputs', async () => {
    server.use(
      sessionHandler(agentDe('admin', [])),
      http.post('/api/agents', () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'Requête invalide', status: 400, code: 'DONNEES_INVALIDES', detail: 'Certaines données sont invalides.', errors: [{ field: 'email', message: 'Adresse déjà utilisée par un autre agent' }] },
          { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    await submitNewAgent();
    expect(await screen.findByText('Adresse déjà utilisée par un autre agent')).toBeTruthy();
  });
});
