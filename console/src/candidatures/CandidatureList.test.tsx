import { render, screen, waitFor, within } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '../App';
import type { Candidature } from '../data/records';
import { agentDe, listHandler, sessionHandler, type ListCall } from '../test/handlers';
import { server } from '../test/server';

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

function renderAt(path: string) {
  // The offer filter loads its choices (and the selected one).
  server.use(listHandler('offres', [OFFRE]));
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
});
