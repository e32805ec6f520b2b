import { http, HttpResponse } from 'msw';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '../App';
import type { RapportGroupe } from '../data/instruction';
import type { Candidature } from '../data/records';
import { agentDe, listHandler, sessionHandler, type ListCall } from '../test/handlers';
import { server } from '../test/server';
import { instructionHandlers } from './test/handlers';

const candidature = (id: number, patch: Partial<Candidature> = {}): Candidature => ({
  id,
  reference: `CAND-2026-00000${id}`,
  demandeId: 100 + id,
  demandeurId: 200 + id,
  demandeurNom: 'Dupont',
  demandeurPrenom: 'Marie',
  offreId: 31,
  offreReference: 'OFF-69-0031',
  departement: '69',
  nature: 'classique',
  statut: 'deposee',
  dateCandidature: '2026-03-12T08:14:00Z',
  origine: 'portail',
  agentEnChargeId: null,
  priseEnChargeLe: null,
  motif: null,
  canal: null,
  designeeLe: null,
  clotureLe: null,
  agentEnChargeNom: null,
  ...patch,
});

const ROWS = [
  candidature(1),
  candidature(2, { demandeurNom: 'Nguyen', demandeurPrenom: 'Bao', statut: 'transmise_bailleur', agentEnChargeNom: 'Claire Martin' }),
];

const OFFRE = { id: 31, reference: 'OFF-69-0031', titre: 'T3 lumineux' };

function renderAt(path: string, rapport?: RapportGroupe) {
  // The offer filter loads its choices (and the selected one); tab counts, saved filters, bulk actions.
  server.use(...instructionHandlers({ rapport }), listHandler('offres', [OFFRE]), http.get('/api/offres/31', () => HttpResponse.json(OFFRE)));
  return render(
    <TestMemoryRouter initialEntries={[path]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('CandidatureList', () => {
  it('shows the candidatures in French, newest first', async () => {
    const calls: ListCall[] = [];
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS, calls));
    renderAt('/candidatures');

    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000001');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    for (const header of ['Référence', 'Demandeur', 'Offre', 'Statut', 'Date de candidature', 'Département', 'Agent en charge']) {
      expect(headers).toContain(header);
    }
    expect(headers).not.toContain('Rang');
    expect(within(table).getByText('DUPONT Marie')).toBeTruthy();
    expect(within(table).getAllByText('OFF-69-0031')).toHaveLength(2);
    expect(within(table).getByText('Déposée')).toBeTruthy();
    expect(within(table).getByText('Transmise au bailleur')).toBeTruthy();
    expect(within(table).getByText('Claire Martin')).toBeTruthy();
    expect(within(table).getAllByText('12/03/2026 09:14')).toHaveLength(2);
    expect(calls[0]?.sort).toEqual(['dateCandidature', 'DESC']);
  });

  it('shows the ranked queue of one offer, sorted by rang', async () => {
    const calls: ListCall[] = [];
    const ranked = ROWS.map((row, i) => ({ ...row, rang: i + 1, palier: 1, motifRang: `dossier complet, candidature du 12/03/2026 à 09:1${i}` }));
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ranked, calls));
    renderAt(`/candidatures?filter=${encodeURIComponent(JSON.stringify({ offreId: 31 }))}`);

    const table = await screen.findByRole('table');
    await within(table).findByText('dossier complet, candidature du 12/03/2026 à 09:10');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toEqual(expect.arrayContaining(['Rang', 'Palier', 'Explication du rang', 'Statut', 'Demandeur']));
    // Constant within one offer's queue.
    expect(headers).not.toContain('Offre');
    expect(within(table).getAllByText('Palier 1')).toHaveLength(2);
    await waitFor(() => expect(calls.at(-1)?.sort).toEqual(['rang', 'ASC']));
    expect(calls.at(-1)?.filter).toEqual({ offreId: 31 });
  });

  it('shows the tabs with their counts, « À traiter » first, and filters by the tab chosen', async () => {
    const calls: ListCall[] = [];
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS, calls));
    renderAt('/candidatures');

    const aTraiter = await screen.findByRole('tab', { name: 'À traiter 60' });
    expect(aTraiter.getAttribute('aria-selected')).toBe('true');
    const names = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(names).toEqual(['À traiter60', 'Mes dossiers12', 'En instruction31', 'Transmises au bailleur9', 'Traitées65', 'Toutes165']);
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'a_traiter' }));

    fireEvent.click(screen.getByRole('tab', { name: 'Mes dossiers 12' }));
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'mes_dossiers' }));
    expect(screen.getByRole('tab', { name: 'Mes dossiers 12' }).getAttribute('aria-selected')).toBe('true');
  });

  it('runs a bulk « Instruire » and lists the refused rows with their French reason', async () => {
    const raison = 'Impossible de instruire une candidature au statut « transmise_bailleur ».';
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS));
    renderAt('/candidatures', { reussies: [1], refusees: [{ id: 2, code: 'TRANSITION_INTERDITE', raison }] });

    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000002');
    fireEvent.click(within(table).getAllByRole('checkbox')[0]); // select all
    fireEvent.click(await screen.findByRole('button', { name: 'Instruire' }));
    const confirm = await screen.findByRole('dialog');
    expect(within(confirm).getByText('Instruire 2 candidatures ?')).toBeTruthy();
    fireEvent.click(within(confirm).getByRole('button', { name: 'Instruire' }));

    const rapport = await screen.findByRole('dialog', { name: 'Résultat de l’action « Instruire »' });
    expect(within(rapport).getByText('1 candidature traitée.')).toBeTruthy();
    expect(within(rapport).getByText('1 candidature refusée :')).toBeTruthy();
    const refusees = within(rapport).getByRole('table');
    expect(within(refusees).getByText('CAND-2026-000002')).toBeTruthy();
    expect(within(refusees).getByText(raison)).toBeTruthy();
    expect(within(refusees).queryByText('CAND-2026-000001')).toBeNull();
  });

  it('offers no bulk action (no checkbox) to a manager', async () => {
    server.use(sessionHandler(agentDe('manager')), listHandler('candidatures', ROWS));
    renderAt('/candidatures');
    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000001');
    expect(within(table).queryAllByRole('checkbox')).toHaveLength(0);
  });
});
