import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import { agentDe, listHandler, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';
import type { Statistiques } from '@shared/api/statistiques';
import type { CompteursFile } from './types';

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
      HttpResponse.json({ a_traiter: 11, mes_dossiers: 3, en_instruction: 5, transmises: 2, sans_reponse_bailleur: 1, traitees: 9, toutes: 30 } satisfies CompteursFile)),
    listHandler('candidatures', []),
    listHandler('offres', []),
    http.get('/api/signalements', ({ request }) => {
      const f = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
      const n = f.statut === 'nouveau' ? 7 : 2;
      return HttpResponse.json([{ id: 1 }], { headers: { 'Content-Range': `signalements 0-0/${n}` } });
    }),
    http.get('/api/suspensions', () => HttpResponse.json([{ id: 1 }], { headers: { 'Content-Range': 'suspensions 0-0/4' } })),
    http.get('/api/notifications', ({ request }) => {
      const f = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
      return HttpResponse.json([{ id: 1 }], { headers: { 'Content-Range': `notifications 0-0/${f.statut === 'echec' ? 3 : 12}` } });
    }),
    http.get('/api/jobs', () => HttpResponse.json([
      { id: 'inactivite', libelle: 'x', cron: '', fuseau: 'Europe/Paris', planifiee: true, derniereExecution: { statut: 'echec' }, executions: [], etats: { failed: 0 } },
      { id: 'conservation', libelle: 'y', cron: '', fuseau: 'Europe/Paris', planifiee: true, derniereExecution: { statut: 'termine' }, executions: [], etats: { failed: 0 } },
    ])),
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

  it('R-STATS: the manager picks the period (jj/mm/aaaa): the statistics are asked with from/to, and the exports are one click away (issue #15)', async () => {
    ouvrir('manager');
    const demandes: URLSearchParams[] = [];
    server.use(
      http.get('/api/statistiques', ({ request }) => {
        const q = new URL(request.url).searchParams;
        demandes.push(q);
        return HttpResponse.json(q.get('from') ? { ...STATS, periode: { from: q.get('from')!, to: q.get('to')! } } : STATS);
      }),
    );
    await screen.findByText('Candidatures par statut', {}, { timeout: 30_000 });
    const choix = screen.getByRole('form', { name: 'Période des statistiques' });
    const du = within(choix).getByRole('textbox', { name: 'Du' }) as HTMLInputElement;
    const au = within(choix).getByRole('textbox', { name: 'Au' }) as HTMLInputElement;
    expect([du.value, au.value]).toEqual(['01/12/2025', '02/11/2026']);
    const afficher = within(choix).getByRole('button', { name: 'Afficher' }) as HTMLButtonElement;
    expect(afficher.disabled).toBe(true); // nothing changed yet
    // The end before the start: said in French, nothing asked.
    fireEvent.change(du, { target: { value: '01042026' } });
    fireEvent.change(au, { target: { value: '31032026' } });
    expect(within(choix).getByRole('alert').textContent).toBe('La date de début doit précéder la date de fin.');
    expect(afficher.disabled).toBe(true);
    fireEvent.change(du, { target: { value: '01012026' } });
    expect(du.value).toBe('01/01/2026');
    fireEvent.click(afficher);
    await waitFor(() => expect(demandes.map((q) => [q.get('from'), q.get('to')])).toContainEqual(['2026-01-01', '2026-03-31']));
    expect(await screen.findByText(/^Période du 01\/01\/2026 au 31\/03\/2026/)).toBeTruthy();
    const exports = screen.getByRole('link', { name: 'Exports bailleurs et entreprises' });
    expect(exports.getAttribute('href')).toBe('/exports');
  }, 90_000);

  it('a conseiller gets a welcome with their work-queue counts instead', async () => {
    ouvrir('conseiller');
    await screen.findByText('Candidatures à traiter');
    expect(await screen.findByText('11')).toBeTruthy();
    expect(screen.getByText('Mes dossiers')).toBeTruthy();
    expect(screen.queryByText('Candidatures par statut')).toBeNull();
  });

  it('contrôle fraude lands on the signals to handle, its own, and the suspensions in force (issue #15)', async () => {
    ouvrir('controle_fraude');
    const carte = (await screen.findByText('Signalements à traiter')).closest('a')!;
    expect(await within(carte).findByText('7')).toBeTruthy();
    expect(carte.getAttribute('href')).toContain(encodeURIComponent('{"statut":"nouveau"}'));
    expect(await within(screen.getByText('Mes signalements en cours').closest('a')!).findByText('2')).toBeTruthy();
    expect(await within(screen.getByText('Suspensions en vigueur').closest('a')!).findByText('4')).toBeTruthy();
    expect(screen.queryByText('Candidatures à traiter')).toBeNull();
  });

  it('an admin lands on failed mails and failed jobs (issue #15)', async () => {
    ouvrir('admin');
    expect(await within((await screen.findByText('Courriels en échec')).closest('a')!).findByText('3')).toBeTruthy();
    expect(await within(screen.getByText('Courriels en attente d’envoi').closest('a')!).findByText('12')).toBeTruthy();
    const taches = screen.getByText('Tâches planifiées en échec').closest('a')!;
    expect(await within(taches).findByText('1')).toBeTruthy();
    expect(taches.getAttribute('href')).toContain('/taches');
  });
});
