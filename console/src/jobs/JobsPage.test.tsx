import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import { agentDe, listHandler, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';
import type { Tache } from './types';

const vide = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
const TACHES: Tache[] = [
  {
    id: 'inactivite', libelle: 'Inactivité des demandes : avertissement, relance, clôture (R-INACT)', cron: '0 6 * * *', fuseau: 'Europe/Paris', planifiee: true,
    derniereExecution: {
      id: 3, nom: 'inactivite', declenchement: 'planifie', agentId: null, debut: '2026-11-02T05:00:00.000Z', fin: '2026-11-02T05:00:02.000Z', statut: 'termine',
      resultat: { examinees: 120, avertissements: 12, relances: 3, clotures: 1, dureeMs: 840 }, erreur: null,
    },
    executions: [], etats: { ...vide, completed: 4 },
  },
  { id: 'fin-publication', libelle: 'Fin de publication des offres', cron: '*/5 * * * *', fuseau: 'Europe/Paris', planifiee: true, derniereExecution: null, executions: [], etats: { ...vide, created: 1 } },
];

function ouvrir(role: Role, lancements: string[] = []) {
  server.use(
    sessionHandler(agentDe(role)),
    listHandler('candidatures', []), listHandler('offres', []), listHandler('bailleurs', []),
    http.get('/api/jobs', () => HttpResponse.json(TACHES)),
    http.post('/api/jobs/:name/run', ({ params }) => {
      lancements.push(String(params.name));
      return HttpResponse.json({ id: params.name, name: params.name, jobId: 'f3b1' }, { status: 202 });
    }),
  );
  render(
    <TestMemoryRouter initialEntries={['/taches']}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('Tâches planifiées', () => {
  it('shows each queue with its Paris schedule, its last run and summary in French, its queue counts', async () => {
    ouvrir('admin');
    const table = await screen.findByRole('table', { name: 'Tâches planifiées' });
    const lignes = within(table).getAllByRole('row');
    expect(within(lignes[0]).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Tâche', 'Planification', 'Dernière exécution', 'Résultat', 'File d’attente', 'Actions']);
    expect(lignes[1].textContent).toContain('Tous les jours à 06:00');
    expect(lignes[1].textContent).toContain('02/11/2026 06:00 (planifiée)');
    expect(lignes[1].textContent).toContain('Terminée');
    expect(lignes[1].textContent).toContain('demandes examinées : 120 · avertissements : 12 · rappels : 3 · clôtures : 1 · durée (ms) : 840');
    expect(lignes[1].textContent).toContain('4 terminées');
    expect(lignes[2].textContent).toContain('Toutes les 5 minutes');
    expect(lignes[2].textContent).toContain('Jamais exécutée');
    expect(lignes[2].textContent).toContain('1 en attente');
  });

  it('ISSUE-15: « Lancer maintenant » asks first, naming the job and saying its effects are real; only then queues a run (admin)', async () => {
    const lancements: string[] = [];
    ouvrir('admin', lancements);
    const table = await screen.findByRole('table', { name: 'Tâches planifiées' });
    fireEvent.click(within(within(table).getAllByRole('row')[2]).getByRole('button', { name: 'Lancer maintenant' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lancer maintenant « Fin de publication des offres » ?' });
    expect(dialog.textContent).toMatch(/ne s’annulent pas/);
    expect(lancements).toEqual([]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(lancements).toEqual([]);
    fireEvent.click(within(within(table).getAllByRole('row')[2]).getByRole('button', { name: 'Lancer maintenant' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Lancer maintenant' }));
    await screen.findByText('Exécution demandée : elle démarre dans quelques secondes.');
    expect(lancements).toEqual(['fin-publication']);
  });

  it('a manager sees the page without the button', async () => {
    ouvrir('manager');
    const table = await screen.findByRole('table', { name: 'Tâches planifiées' });
    await within(table).findByText('Fin de publication des offres');
    expect(within(table).queryByRole('button', { name: 'Lancer maintenant' })).toBeNull();
  });
});
