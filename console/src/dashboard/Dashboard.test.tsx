import { render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/domain/enums';
import { App } from '../App';
import { agentDe, listHandler, sessionHandler } from '../test/handlers';
import { server } from '../test/server';
import type { CompteursFile, Statistiques } from './types';

const STATS: Statistiques = {
  genereLe: '2026-11-02T09:00:00.000Z',
  periode: { from: '2025-12-01', to: '2026-11-02' },
  candidatures: {
    total: 42,
    parStatut: [{ statut: 'deposee', n: 30 }, { statut: 'transmise_bailleur', n: 12 }],
    parDepartement: [{ departement: '69', n: 42, ouvertes: 40 }],
    parNature: [{ nature: 'classique', n: 42 }],
  },
  delaiDesignation: { n: 12, medianeJours: 7.5, p90Jours: 16.2 },
  suspensionsParMois: [{ mois: '2026-10', n: 3 }, { mois: '2026-11', n: 0 }],
  offres: { publiees: 9, sansCandidat: 2 },
  parContribution: [
    { contribution: 'peec', entreprises: { valeur: 12, masque: false }, demandesActives: { valeur: null, masque: true }, designations: { valeur: 0, masque: false } },
  ],
};

function ouvrir(role: Role) {
  server.use(
    sessionHandler(agentDe(role)),
    http.get('/api/statistiques', () => HttpResponse.json(STATS)),
    http.get('/api/candidatures/compteurs', () =>
      HttpResponse.json({ a_traiter: 11, mes_dossiers: 3, en_instruction: 5, transmises: 2, traitees: 9, toutes: 30 } satisfies CompteursFile)),
    listHandler('candidatures', []),
    listHandler('offres', []),
  );
  render(
    <TestMemoryRouter initialEntries={['/']}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('Dashboard', () => {
  it('R-STATS: a manager sees the aggregates, a withheld count shown as « < 5 »', async () => {
    ouvrir('manager');
    await screen.findByText('Candidatures par statut');
    expect(screen.getByText('7,5 j')).toBeTruthy();
    expect(screen.getByText('16,2 j')).toBeTruthy();
    expect(screen.getByText('Offres publiées sans candidat')).toBeTruthy();
    const tableau = screen.getByRole('table');
    const ligne = within(tableau).getByText('PEEC').closest('tr')!;
    expect(within(ligne).getByText('< 5')).toBeTruthy();
    expect(within(ligne).getByText('12')).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Candidatures par statut' })).toBeTruthy();
  });

  it('a conseiller gets a welcome with their work-queue counts instead', async () => {
    ouvrir('conseiller');
    await screen.findByText('Candidatures à traiter');
    expect(await screen.findByText('11')).toBeTruthy();
    expect(screen.getByText('Mes dossiers')).toBeTruthy();
    expect(screen.queryByText('Candidatures par statut')).toBeNull();
  });
});
