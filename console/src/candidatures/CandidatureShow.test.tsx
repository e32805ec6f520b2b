import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role, StatutCandidature } from '../../../shared/domain/enums';
import { App } from '../App';
import type { AgentProfile } from '../auth/session';
import type { Dossier } from '../data/instruction';
import type { Candidature } from '../data/records';
import { FIXTURES } from '../test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '../test/handlers';
import { server } from '../test/server';
import { dossierPour, instructionHandlers } from './test/handlers';

const CANDIDATURE = FIXTURES.candidatures as Candidature;
const ACTIONS = ['Instruire', 'Désigner au bailleur', 'Attribuer', 'Ne pas retenir', 'Annuler'];

const problem = (status: number, code: string, detail: string) =>
  HttpResponse.json({ type: 'about:blank', status, code, detail }, { status, headers: { 'Content-Type': 'application/problem+json' } });

interface Setup {
  agent?: AgentProfile;
  statut?: StatutCandidature;
  dossier?: Partial<Dossier>;
}

/** The candidature page of the fixture candidature, for this agent, in this status. */
function renderShow({ agent = agentDe('conseiller'), statut = 'en_instruction', dossier = {} }: Setup = {}) {
  const record = { ...CANDIDATURE, statut, rang: 2, palier: 1, motifRang: 'dossier complet, candidature du 12/03/2026 à 09:14' };
  server.use(
    sessionHandler(agent),
    ...instructionHandlers({ dossier: () => dossierPour(record, agent, { verrou: null, ...dossier }) }),
    http.get('/api/candidatures/:id', () => HttpResponse.json(record)),
    ...fixtureHandlers(FIXTURES),
  );
  render(
    <TestMemoryRouter initialEntries={[`/candidatures/${record.id}/show`]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

/** The action buttons shown once the dossier has loaded (its checklist is the last thing to appear). */
async function actionsAffichees() {
  await screen.findByText('Pièces du dossier');
  return ACTIONS.filter((name) => screen.queryByRole('button', { name }) !== null);
}

describe('CandidatureShow: actions by status and role', () => {
  it('R-CAND-FSM: a conseiller of the territory sees Désigner, Ne pas retenir and Annuler on an en_instruction candidature, not Instruire', async () => {
    renderShow();
    expect(await actionsAffichees()).toEqual(['Désigner au bailleur', 'Ne pas retenir', 'Annuler']);
    expect(screen.getByText('CAND-2026-000001')).toBeTruthy();
    expect(screen.getByText('Rang 2')).toBeTruthy();
    expect(screen.getByText('Dossier complet, candidature du 12/03/2026 à 09:14')).toBeTruthy();
  });

  it('R-CAND-FSM: on a deposee candidature, Instruire and Annuler only', async () => {
    renderShow({ statut: 'deposee' });
    expect(await actionsAffichees()).toEqual(['Instruire', 'Annuler']);
  });

  it('a manager sees no action and cannot take the dossier', async () => {
    renderShow({ agent: agentDe('manager') });
    expect(await actionsAffichees()).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Je prends le dossier' })).toBeNull();
  });

  it('a conseiller of another territory sees no action on this candidature (69)', async () => {
    renderShow({ agent: agentDe('conseiller', ['75']) });
    expect(await actionsAffichees()).toEqual([]);
  });

  it('while another agent holds the dossier, the actions are disabled and the takeover asks for a reason', async () => {
    let body: unknown;
    server.use(http.post('/api/candidatures/1/prendre', async ({ request }) => ((body = await request.json()), HttpResponse.json(CANDIDATURE))));
    const depuis = new Date(Date.now() - 5 * 60_000).toISOString();
    renderShow({ dossier: { verrou: { agentId: 9, agentNom: 'Paul Durand', depuis, actif: true, estMoi: false } } });
    expect(await screen.findByText(/^Traité par Paul Durand depuis \d\d:\d\d\.$/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Désigner au bailleur' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Reprendre le dossier' }));
    const dialog = await screen.findByRole('dialog');
    const confirmer = within(dialog).getByRole('button', { name: 'Reprendre le dossier' }) as HTMLButtonElement;
    expect(confirmer.disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), { target: { value: 'Collègue absent' } });
    fireEvent.click(confirmer);
    await waitFor(() => expect(body).toEqual({ motif: 'Collègue absent' }));
  });
});

describe('CandidatureShow: designation and double clicks', () => {
  it('R-DESIGNATE: asks for a motif only when the API answers SAUT_DE_RANG_SANS_MOTIF, then sends it', async () => {
    const bodies: unknown[] = [];
    const detail = '1 candidature(s) mieux classée(s) attendent encore : indiquez le motif pour désigner celle-ci avant elles.';
    server.use(
      http.post('/api/candidatures/1/designer', async ({ request }) => {
        const body = (await request.json()) as { motif?: string };
        bodies.push(body);
        return body.motif ? HttpResponse.json({ ...CANDIDATURE, statut: 'transmise_bailleur' }) : problem(409, 'SAUT_DE_RANG_SANS_MOTIF', detail);
      }),
    );
    renderShow();
    fireEvent.click(await screen.findByRole('button', { name: 'Désigner au bailleur' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(detail)).toBeTruthy();
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), { target: { value: 'Le premier ne répond plus' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Désigner au bailleur' }));
    await waitFor(() => expect(bodies).toEqual([{}, { motif: 'Le premier ne répond plus' }]));
    expect(await screen.findByText('Candidature transmise au bailleur.')).toBeTruthy();
  });

  it('a double click on Instruire sends one request; a refusal shows the French detail', async () => {
    let posts = 0;
    server.use(
      http.post('/api/candidatures/1/instruire', async () => {
        posts += 1;
        await new Promise((r) => setTimeout(r, 200));
        return problem(409, 'DROITS_PSEEC_EPUISES', 'L’entreprise (PSEEC) du demandeur a épuisé ses droits.');
      }),
    );
    renderShow({ statut: 'deposee' });
    const bouton = await screen.findByRole('button', { name: 'Instruire' });
    fireEvent.click(bouton);
    fireEvent.click(bouton);
    expect(await screen.findByText('L’entreprise (PSEEC) du demandeur a épuisé ses droits.')).toBeTruthy();
    expect(posts).toBe(1);
  });

  it('annuler needs the request channel and a motif', async () => {
    let body: unknown;
    server.use(http.post('/api/candidatures/1/annuler', async ({ request }) => ((body = await request.json()), HttpResponse.json({ ...CANDIDATURE, statut: 'annulee' }))));
    renderShow();
    fireEvent.click(await screen.findByRole('button', { name: 'Annuler' }));
    const dialog = await screen.findByRole('dialog');
    const confirmer = within(dialog).getByRole('button', { name: 'Annuler à la demande du demandeur' }) as HTMLButtonElement;
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), { target: { value: 'A trouvé un logement' } });
    expect(confirmer.disabled).toBe(true);
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: 'Téléphone' }));
    fireEvent.click(confirmer);
    await waitFor(() => expect(body).toEqual({ motif: 'A trouvé un logement', canal: 'telephone' }));
  });
});

describe('CandidatureShow: pieces beside the viewer', () => {
  it('shows the first piece to check in the viewer, and validates it', async () => {
    let valide = false;
    server.use(http.post('/api/justificatifs/41/valider', () => ((valide = true), HttpResponse.json({ ...FIXTURES.justificatifs, statut: 'valide' }))));
    renderShow();
    const liste = await screen.findByRole('list', { name: 'Pièces du dossier' });
    expect(within(liste).getByText('Non déposée')).toBeTruthy();
    const frame = await waitFor(() => {
      const f = document.querySelector('iframe');
      expect(f).not.toBeNull();
      return f!;
    });
    expect(frame.getAttribute('src')).toMatch(/^\/api\/justificatifs\/41\/fichier/);
    fireEvent.click(screen.getByRole('button', { name: 'Valider' }));
    await waitFor(() => expect(valide).toBe(true));
    fireEvent.click(within(liste).getByText('Justificatif de domicile'));
    expect(await screen.findByText('Aucun fichier déposé pour cette pièce.')).toBeTruthy();
  });

  it.each<[Role, boolean]>([
    ['conseiller', true],
    ['manager', false],
  ])('piece buttons follow the role (%s)', async (role, visible) => {
    renderShow({ agent: agentDe(role) });
    await screen.findByRole('list', { name: 'Pièces du dossier' });
    await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    expect(screen.queryByRole('button', { name: 'Refuser' }) !== null).toBe(visible);
  });
});

describe('CandidatureShow: next / previous dossier', () => {
  it('j and k move through the queue as the list left it, without going back to it', async () => {
    const agent = agentDe('conseiller');
    const rows = [1, 2, 3].map((id) => ({ ...CANDIDATURE, id, reference: `CAND-2026-00000${id}`, statut: 'deposee' as const }));
    server.use(
      sessionHandler(agent),
      ...instructionHandlers({ dossier: (id) => dossierPour(rows[id - 1], agent) }),
      http.get('/api/candidatures/:id', ({ params }) => HttpResponse.json(rows[Number(params.id) - 1])),
      http.get('/api/candidatures', () => HttpResponse.json(rows, { headers: { 'Content-Range': 'candidatures 0-2/3' } })),
      ...fixtureHandlers(FIXTURES),
    );
    render(
      <TestMemoryRouter initialEntries={['/candidatures/2/show']}>
        <App store={memoryStore()} />
      </TestMemoryRouter>,
    );
    await screen.findByRole('heading', { name: 'CAND-2026-000002' });
    expect(await screen.findByText('2 sur 3')).toBeTruthy();
    expect(screen.getByText('Raccourcis : j / k ou Alt + ← / →')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'j' });
    await screen.findByRole('heading', { name: 'CAND-2026-000003' });
    fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true });
    await screen.findByRole('heading', { name: 'CAND-2026-000002' });
    fireEvent.keyDown(window, { key: 'k' });
    await screen.findByRole('heading', { name: 'CAND-2026-000001' });
  });
});
