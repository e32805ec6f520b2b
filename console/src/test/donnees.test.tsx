import { fireEvent, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './fixtures';
import { renderAt } from './rendu';

const UNTRANSLATED = /\b(resources|app|enums|ra)\.[a-z_-]+\.[a-zA-Z_.]+/;

/** The traces page answers one dossier read when asked for « dossier ». */
const traces = http.get('/api/traces-acces', ({ request }) =>
  HttpResponse.json(new URL(request.url).searchParams.get('ressource') === 'dossier'
    ? [{ id: '1', at: '2026-12-01T09:30:00Z', agentId: 5, agentNom: 'Claire Martin', ressource: 'dossier', entiteId: 42, filtre: null, nombre: null, ip: '10.0.0.1' }]
    : []));

describe('personal data pages (issue #14)', () => {
  it('DATA-RETENTION: the admin page shows the retention table, in French', async () => {
    renderAt('/conservation', 'admin', { handlers: [traces] });
    await screen.findByText(/Compte fermé : identité/);
    expect(screen.getAllByText('12 mois').length).toBeGreaterThan(0);
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
  });

  it('DATA-AUDIT-CHAIN: the audit log offers « Vérifier le journal » to admins', async () => {
    renderAt('/audit-events', 'admin', { handlers: [traces] });
    await screen.findByText('Vérifier le journal');
  });

  it('DATA-ACCES: the demandeur page offers the data package to contrôle fraude', async () => {
    renderAt(`/demandeurs/${FIXTURES.demandeurs.id}/show`, 'controle_fraude', { handlers: [traces] });
    await screen.findByText('Données personnelles (RGPD)');
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
  });

  it('DATA-TRACES: managers have the access traces search page', async () => {
    renderAt('/traces-acces', 'manager', { handlers: [traces] });
    await screen.findByText('Rechercher');
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
  });

  it('DATA-TRACES: the data read is chosen from a list and named in French (« Dossier d’une candidature »), with the agent\'s name', async () => {
    renderAt('/traces-acces', 'manager', { handlers: [traces] });
    const choix = await screen.findByLabelText('Données consultées');
    fireEvent.change(choix, { target: { value: 'dossier' } });
    fireEvent.click(screen.getByText('Rechercher'));
    const ligne = await screen.findByText('Claire Martin');
    expect(ligne.closest('tr')!.textContent).toContain('Dossier d’une candidature');
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
  });
});
