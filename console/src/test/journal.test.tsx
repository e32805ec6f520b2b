import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '@console/data/records';
import { FIXTURES } from './fixtures';
import { listHandler, type ListCall } from './handlers';
import { renderAt } from './rendu';

/** GET /api/agents/noms?q=: Claire Martin (the agents fixture) for any letters of her name; the searches made. */
function rechercheAgents(recherches: string[]) {
  return http.get('/api/agents/noms', ({ request }) => {
    const params = new URL(request.url).searchParams;
    const q = params.get('q');
    if (q === null) return HttpResponse.json(params.get('ids') === '7' ? [{ id: 7, nom: 'Claire Martin' }] : []);
    recherches.push(q);
    return HttpResponse.json('claire martin'.includes(q.toLowerCase()) ? [{ id: 7, nom: 'Claire Martin' }] : []);
  });
}

async function choisirAgent(champ: HTMLElement) {
  act(() => champ.focus());
  fireEvent.change(champ, { target: { value: 'mart' } });
  fireEvent.click(await screen.findByRole('option', { name: 'Claire Martin' }));
}

describe('ISSUE-15 the audit journal and the traces in words', () => {
  it('ISSUE-15 DATA-AUDIT-CHAIN: an event shows its statuses in French, its details with French keys, the inactive agent by name, the action by its label', async () => {
    const ev: AuditEvent = {
      ...(FIXTURES['audit-events'] as AuditEvent), action: 'prise_dossier', entite: 'candidature', de: 'deposee', vers: 'en_instruction',
      details: { via: 'suivant', ordre: 'offre', precedentInactif: 7, par: 'instruire', enLigne: true },
    };
    renderAt('/audit-events/101/show', 'controle_fraude', { fixtures: { ...FIXTURES, 'audit-events': ev } });
    // The first render of the file loads react-admin and MUI: slow on a loaded machine.
    expect(await screen.findByText('Agent précédent (inactif)', {}, { timeout: 25_000 })).toBeTruthy();
    expect(await screen.findByText('Claire Martin')).toBeTruthy();
    expect(screen.getByText('Déposée')).toBeTruthy();
    expect(screen.getByText('En instruction')).toBeTruthy();
    expect(screen.getByText('Mise en instruction')).toBeTruthy(); // par: instruire
    expect(screen.getByText('« Traiter le suivant »')).toBeTruthy();
    expect(screen.getByText('Offre en ligne')).toBeTruthy();
    expect(screen.getByText('Oui')).toBeTruthy();
    expect(screen.getByText('Candidature')).toBeTruthy();
    const texte = document.body.textContent ?? '';
    for (const code of ['precedentInactif', 'en_instruction', 'deposee', '"suivant"', 'enLigne', 'true']) expect(texte).not.toContain(code);
  });

  it('ISSUE-15: the journal is filtered on an action chosen by its French label and an agent chosen by name, never a code or a number', async () => {
    const calls: ListCall[] = [];
    const recherches: string[] = [];
    renderAt('/audit-events', 'controle_fraude', { handlers: [rechercheAgents(recherches), listHandler('audit-events', [FIXTURES['audit-events'] as AuditEvent], calls)] });
    // Queries by label and by selector: role queries over a whole react-admin page are slow in jsdom.
    const ajouterFiltre = async (source: string) => {
      fireEvent.click(await screen.findByLabelText('Ajouter un filtre', {}, { timeout: 25_000 }));
      const item = await waitFor(() => document.querySelector<HTMLElement>(`[role=menuitemcheckbox][data-key=${source}]`) ?? Promise.reject(new Error(source)));
      fireEvent.click(item);
    };
    await ajouterFiltre('action');
    fireEvent.mouseDown(await screen.findByLabelText('Action'));
    const liste = await waitFor(() => document.querySelector<HTMLElement>('[role=listbox]') ?? Promise.reject(new Error('listbox')));
    fireEvent.click(within(liste).getByText('Prise en charge'));
    await waitFor(() => expect(calls.at(-1)?.filter).toMatchObject({ action: 'prise_dossier' }));
    await waitFor(() => expect(document.querySelector('[role=listbox]')).toBeNull());
    await ajouterFiltre('acteurId');
    const champ = await screen.findByLabelText('Agent');
    act(() => champ.focus());
    fireEvent.change(champ, { target: { value: 'mart' } });
    fireEvent.click(await screen.findByText('Claire Martin'));
    await waitFor(() => expect(calls.at(-1)?.filter).toMatchObject({ action: 'prise_dossier', acteurId: 7 }));
    expect(recherches).toContain('mart');
  }, 120_000); // a whole list page and two filters: slow in jsdom on a loaded machine

  it('ISSUE-15 DATA-TRACES: the traces are searched for an agent chosen by name, not « Agent (n°) »', async () => {
    const recherches: string[] = [];
    const demandes: URLSearchParams[] = [];
    renderAt('/traces-acces', 'manager', {
      handlers: [
        rechercheAgents(recherches),
        http.get('/api/traces-acces', ({ request }) => {
          demandes.push(new URL(request.url).searchParams);
          return HttpResponse.json([]);
        }),
      ],
    });
    const champ = await screen.findByRole('combobox', { name: 'Agent' }, { timeout: 25_000 });
    expect(screen.queryByText(/Agent \(n°\)/)).toBeNull();
    await choisirAgent(champ);
    fireEvent.click(screen.getByRole('button', { name: 'Rechercher' }));
    await waitFor(() => expect(demandes.at(-1)?.get('agentId')).toBe('7'));
    expect(within(document.body).queryByText('n° 7')).toBeNull();
  });
});
