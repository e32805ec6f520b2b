import { fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import { FIXTURES } from './fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from './handlers';
import { server } from './server';

const UNTRANSLATED = /\b(resources|app|enums|ra)\.[a-z_-]+\.[a-zA-Z_.]+/;

function renderAt(path: string, role: Role) {
  server.use(
    sessionHandler(agentDe(role)),
    http.get('/api/traces-acces', ({ request }) =>
      HttpResponse.json(new URL(request.url).searchParams.get('ressource') === 'dossier'
        ? [{ id: '1', at: '2026-12-01T09:30:00Z', agentId: 5, agentNom: 'Claire Martin', ressource: 'dossier', entiteId: 42, filtre: null, nombre: null, ip: '10.0.0.1' }]
        : [])),
    ...fixtureHandlers(FIXTURES),
  );
  render(
    <TestMemoryRouter initialEntries={[path]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('personal data pages (issue #14)', () => {
  it('DATA-RETENTION: the admin page shows the retention table, in French', async () => {
    renderAt('/conservation', 'admin');
    await screen.findByText(/Compte fermé : identité/);
    expect(screen.getAllByText('12 mois').length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
  });

  it('DATA-AUDIT-CHAIN: the audit log offers « Vérifier le journal » to admins', async () => {
    renderAt('/audit-events', 'admin');
    await screen.findByText('Vérifier le journal');
  });

  it('DATA-ACCES: the demandeur page offers the data package to contrôle fraude', async () => {
    renderAt(`/demandeurs/${FIXTURES.demandeurs.id}/show`, 'controle_fraude');
    await screen.findByText('Données personnelles (RGPD)');
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
  });

  it('DATA-TRACES: managers have the access traces search page', async () => {
    renderAt('/traces-acces', 'manager');
    await screen.findByText('Rechercher');
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
  });

  it('DATA-TRACES: the data read is chosen from a list and named in French (« Dossier d’une candidature »), with the agent\'s name', async () => {
    renderAt('/traces-acces', 'manager');
    const choix = await screen.findByLabelText('Données consultées');
    fireEvent.change(choix, { target: { value: 'dossier' } });
    fireEvent.click(screen.getByText('Rechercher'));
    const ligne = await screen.findByText('Claire Martin');
    expect(ligne.closest('tr')!.textContent).toContain('Dossier d’une candidature');
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
  });
});
