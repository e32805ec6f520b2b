import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import type { Notification } from '@console/data/records';
import { agentDe, listHandler, sessionHandler, type ListCall } from '@console/test/handlers';
import { server } from '@console/test/server';

const at = '2026-11-02T08:00:00.000Z';
const ligne = (id: number, patch: Partial<Notification>): Notification => ({
  id, demandeurId: 11, destinataire: 'marie.dupont@exemple.test', template: 'inactivite_relance', sujet: 'Rappel : votre demande de logement sera clôturée dans 3 jours',
  corps: 'Bonjour Mme Marie Dupont,', statut: 'envoyee', tentatives: 1, envoyeeLe: at, erreur: null, createdAt: at, ...patch,
});
const ROWS = [ligne(1, {}), ligne(2, { statut: 'echec', tentatives: 8, envoyeeLe: null, erreur: '550 Adresse inconnue', template: 'proposition_expiree', sujet: 'La proposition a expiré' })];

function ouvrir(calls: ListCall[], renvois: string[], role: 'admin' | 'controle_fraude' = 'admin') {
  server.use(
    sessionHandler(agentDe(role)),
    listHandler('notifications', ROWS, calls),
    http.post('/api/notifications/:id/renvoyer', ({ params }) => {
      renvois.push(String(params.id));
      return HttpResponse.json({ ...ROWS[1], statut: 'a_envoyer', tentatives: 0 });
    }),
  );
  render(
    <TestMemoryRouter initialEntries={['/notifications']}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('Boîte d’envoi', () => {
  it('lists the outbox with French template names; only a failed row offers « Renvoyer », which posts to the action route', async () => {
    const calls: ListCall[] = [];
    const renvois: string[] = [];
    ouvrir(calls, renvois);
    const table = await screen.findByRole('table');
    await within(table).findByText('Inactivité : rappel (3 jours avant la clôture)');
    const [, envoyee, echec] = within(table).getAllByRole('row');
    expect(within(envoyee).queryByRole('button', { name: 'Renvoyer' })).toBeNull();
    expect(echec.textContent).toContain('Proposition expirée');
    fireEvent.click(within(echec).getByRole('button', { name: 'Renvoyer' }));
    await screen.findByText('La notification est remise dans la file d’envoi.');
    expect(renvois).toEqual(['2']);
  });

  it('filters by recipient (lower-cased), template and status', async () => {
    const calls: ListCall[] = [];
    ouvrir(calls, []);
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('Destinataire'), { target: { value: ' Marie.Dupont@Exemple.test ' } });
    await waitFor(() => expect(calls.at(-1)?.filter).toMatchObject({ destinataire: 'marie.dupont@exemple.test' }));
  });

  it('SEC-BOITE: an admin runs the outbox without reading the messages; contrôle fraude sees their subject', async () => {
    ouvrir([], []);
    const table = await screen.findByRole('table');
    await within(table).findByText('Inactivité : rappel (3 jours avant la clôture)');
    expect(within(table).queryByText('Objet')).toBeNull();
  });

  it('SEC-BOITE: contrôle fraude reads the subjects, and may not resend', async () => {
    ouvrir([], [], 'controle_fraude');
    const table = await screen.findByRole('table');
    await within(table).findByText('Rappel : votre demande de logement sera clôturée dans 3 jours');
    expect(within(table).queryByRole('button', { name: 'Renvoyer' })).toBeNull();
  });
});
