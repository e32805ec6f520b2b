import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import type { ApercuSuspension, Demandeur, Signalement, Suspension } from '@console/data/records';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

const at = '2026-03-12T08:14:00Z';
const compte = (id: number, nom: string, prenom: string, email: string) => ({
  id, civilite: 'M', nom, prenom, dateNaissance: '1990-01-02', email, telephone: '0612345678', statutCompte: 'actif', createdAt: at, desactiveLe: null,
});
const SIGNAL: Signalement = {
  id: 71, type: 'identite_multiple', score: 80, statut: 'confirme', assigneeId: 7, conclusion: 'Même personne', createdAt: at, demandeurIds: [11, 12],
  preuves: { cleIdentite: 'benali karim|1990-01-02', comptes: [compte(11, 'Benali', 'Karim', 'karim.benali@exemple.fr'), compte(12, 'Karim', 'Benali', 'k.b@exemple.fr')] },
};
const DEMANDEUR: Demandeur = { ...(FIXTURES.demandeurs as Demandeur), id: 11, nom: 'Benali', prenom: 'Karim' };
const APERCU: ApercuSuspension = {
  demandeurId: 11, type: 'fraude', dureeMois: 24, debut: '2026-11-02T09:00:00Z', fin: '2028-11-02T09:00:00Z', recidive: false, suspensionsAnterieures: 0,
  dejaSuspendu: false, suspenduJusquAu: null, demande: { id: 21, reference: 'DEM-2026-000021', statut: 'complete' },
  candidatures: [
    { id: 1, reference: 'CAND-2026-000001', statut: 'deposee', offreReference: 'OFF-69-0031', departement: '69' },
    { id: 2, reference: 'CAND-2026-000002', statut: 'en_instruction', offreReference: 'OFF-69-0032', departement: '69' },
  ],
  nombreCandidatures: 2,
};

function renderAt(path: string, role: Role, extra: Parameters<typeof server.use> = []) {
  server.use(sessionHandler(agentDe(role)), ...extra, ...fixtureHandlers({ ...FIXTURES, signalements: SIGNAL, demandeurs: DEMANDEUR }));
  render(
    <TestMemoryRouter initialEntries={[path]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('fraud-control pages', () => {
  it('R-ONE-ACCOUNT: a signal shows the accounts side by side, the swapped names highlighted as equivalent, the other e-mail as different', async () => {
    renderAt('/signalements/71/show', 'controle_fraude');
    const table = await screen.findByRole('table', { name: 'Comptes comparés' });
    const ligne = (champ: string) => within(table).getByRole('rowheader', { name: champ }).closest('tr')!;
    // cells: first account, second account (the row header is apart)
    expect(within(ligne('Nom')).getAllByRole('cell')[1].getAttribute('data-verdict')).toBe('equivalent');
    expect(within(ligne('Prénom')).getAllByRole('cell')[1].getAttribute('data-verdict')).toBe('equivalent');
    expect(within(ligne('Adresse e-mail')).getAllByRole('cell')[1].getAttribute('data-verdict')).toBe('different');
    expect(within(ligne('Date de naissance')).getAllByRole('cell')[1].getAttribute('data-verdict')).toBe('identique');
    // confirmed: each open account can be suspended from here; the extra ones deactivated
    expect(within(table).getAllByRole('link', { name: /Suspendre un compte/ })).toHaveLength(2);
    expect(screen.getByRole('button', { name: /Désactiver les comptes en trop/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Confirmer$/ })).toBeNull();
  });

  it('R-SUSP: the suspension form shows the effects (demande, N candidatures with references, period) before the confirm button', async () => {
    const appels: string[] = [];
    renderAt('/suspensions/create?source=' + encodeURIComponent(JSON.stringify({ demandeurId: 11 })), 'controle_fraude', [
      http.get('/api/suspensions/apercu', ({ request }) => {
        appels.push(new URL(request.url).search);
        return HttpResponse.json(APERCU);
      }),
    ]);
    const effets = await screen.findByRole('region', { name: 'Effets de la suspension' });
    await within(effets).findByText('CAND-2026-000001');
    expect(within(effets).getByText('CAND-2026-000002')).toBeTruthy();
    expect(within(effets).getByText(/2 candidatures en cours seront clôturées/)).toBeTruthy();
    expect(within(effets).getByText(/La demande DEM-2026-000021 sera clôturée \(motif : Fraude\)/)).toBeTruthy();
    expect(within(effets).getByText(/Du 02\/11\/2026 au 02\/11\/2028 \(24 mois\)/)).toBeTruthy();
    expect(appels[0]).toContain('demandeurId=11');
    const confirmer = screen.getByRole('button', { name: /Confirmer la suspension/ });
    expect(effets.compareDocumentPosition(confirmer) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect((confirmer as HTMLButtonElement).disabled).toBe(false);
    // a duration outside 6–60 months: no preview, no confirmation
    fireEvent.change(screen.getByRole('spinbutton', { name: /Durée/ }), { target: { value: '5' } });
    await waitFor(() => expect((screen.getByRole('button', { name: /Confirmer la suspension/ }) as HTMLButtonElement).disabled).toBe(true));
  });

  it('R-FRAUD-VIS: a conseiller sees a suspension without its type or motive, and no lift button', async () => {
    const suspension: Suspension = { ...(FIXTURES.suspensions as Suspension) };
    delete suspension.type;
    delete suspension.motif;
    delete suspension.recidive;
    renderAt(`/suspensions/${suspension.id}/show`, 'conseiller', [http.get(`/api/suspensions/${suspension.id}`, () => HttpResponse.json(suspension))]);
    await screen.findByText('Durée (mois)');
    expect(screen.queryByText('Contrôle fraude')).toBeNull();
    expect(screen.queryByText('Motif')).toBeNull();
    expect(screen.queryByRole('button', { name: /Lever la suspension/ })).toBeNull();
  });

  it('R-SUSP: controle_fraude lifts a suspension in force with a motif', async () => {
    const posts: unknown[] = [];
    renderAt('/suspensions/51/show', 'controle_fraude', [
      http.post('/api/suspensions/51/lever', async ({ request }) => {
        posts.push(await request.json());
        return HttpResponse.json({ ...FIXTURES.suspensions, active: false, leveeLe: at });
      }),
    ]);
    fireEvent.click(await screen.findByRole('button', { name: /Lever la suspension/ }));
    const dialog = await screen.findByRole('dialog');
    const bouton = within(dialog).getByRole('button', { name: /Lever la suspension/ }) as HTMLButtonElement;
    expect(bouton.disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: 'Réclamation acceptée' } });
    fireEvent.click(bouton);
    await waitFor(() => expect(posts).toEqual([{ motif: 'Réclamation acceptée' }]));
  });
});
