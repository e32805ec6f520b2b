import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { SuiviCandidature, SuiviEnvoi } from '@shared/api/bailleurs';
import { App } from '@console/App';
import type { AgentProfile } from '@console/auth/session';
import { dossierPour, instructionHandlers } from '@console/candidatures/test/handlers';
import type { Candidature, Export, Offre } from '@console/data/records';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

const CANDIDATURE = { ...(FIXTURES.candidatures as Candidature), statut: 'transmise_bailleur' as const };

const ENVOI: SuiviEnvoi = {
  id: 7, origine: 'candidature', envoyeLe: '2026-11-02T09:00:00Z', agent: 'Camille Martin', destinataire: 'attributions@bailleur.test',
  nombreCandidatures: 1, expireLe: '2099-11-16T09:00:00Z', revoqueLe: null, ouvertLe: '2026-11-02T10:15:00Z', ouvertures: 2,
  candidatures: [{
    candidatureId: CANDIDATURE.id, reference: CANDIDATURE.reference, demandeur: 'Alice Durand', statut: 'transmise_bailleur', decision: null, dateCaleol: null,
    telechargeLe: '2026-11-02T10:16:00Z', dernierTelechargementLe: '2026-11-02T10:16:00Z', telechargements: 1,
  }],
};

function renderShow(agent: AgentProfile, suivi: () => SuiviCandidature, posts: string[] = []) {
  server.use(
    sessionHandler(agent),
    http.get('/api/candidatures/:id/envois-bailleur', () => HttpResponse.json(suivi())),
    http.post('/api/candidatures/:id/envoyer-bailleur', ({ params }) => {
      posts.push(`envoyer ${params.id}`);
      return HttpResponse.json({ envoiId: 7, destinataire: 'attributions@bailleur.test', expireLe: '2026-11-16T09:00:00Z', candidatures: 1 }, { status: 201 });
    }),
    http.post('/api/envois-bailleur/:id/revoquer', async ({ params, request }) => {
      posts.push(`revoquer ${params.id} ${JSON.stringify(await request.json())}`);
      return HttpResponse.json({ envoiId: 7, revoque: true });
    }),
    ...instructionHandlers({ dossier: () => dossierPour(CANDIDATURE, agent, { verrou: null }) }),
    http.get('/api/candidatures/:id', () => HttpResponse.json(CANDIDATURE)),
    ...fixtureHandlers(FIXTURES),
  );
  render(
    <TestMemoryRouter initialEntries={[`/candidatures/${CANDIDATURE.id}/show`]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('Envoyer au bailleur (candidature page)', () => {
  it('R-BAIL-LIEN: a conseiller sends a transmitted candidature after a confirmation; the card then shows envoyé, ouvert, téléchargé', async () => {
    const posts: string[] = [];
    let suivi: SuiviCandidature = { envois: [], decision: null };
    renderShow(agentDe('conseiller'), () => suivi, posts);
    expect(await screen.findByText('Envois au bailleur')).toBeTruthy();
    expect(await screen.findByText('Rien n’a encore été envoyé au bailleur par la plateforme.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer au bailleur' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/aucune donnée personnelle/)).toBeTruthy();
    suivi = { envois: [ENVOI], decision: null };
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer' }));
    await screen.findByText(/Lien envoyé à attributions@bailleur.test pour 1 candidature/);
    expect(posts).toEqual([`envoyer ${CANDIDATURE.id}`]);
    expect(await screen.findByText(/Envoyé le 02\/11\/2026 10:00 par Camille Martin à attributions@bailleur.test/)).toBeTruthy();
    expect(screen.getByText('Ouvert le 02/11/2026 11:15 · 2 ouvertures')).toBeTruthy();
    expect(screen.getByText('Téléchargé le 02/11/2026 11:16')).toBeTruthy();
    expect(screen.getByText('En attente de décision')).toBeTruthy();

    fireEvent.click(await screen.findByRole('button', { name: 'Révoquer le lien' }));
    const revoquer = await screen.findByRole('dialog');
    fireEvent.change(within(revoquer).getByLabelText('Motif (facultatif)'), { target: { value: 'Mauvaise adresse' } });
    suivi = { envois: [{ ...ENVOI, revoqueLe: '2026-11-02T12:00:00Z' }], decision: null };
    fireEvent.click(within(revoquer).getByRole('button', { name: 'Révoquer le lien' }));
    await screen.findByText('Lien révoqué le 02/11/2026 13:00');
    expect(posts.at(-1)).toBe('revoquer 7 {"motif":"Mauvaise adresse"}');
  });

  it('R-BAIL-DECISION: the bailleur\'s decision shows with its CALEOL date, motif, words and how it came; a fraud controller sees no send button', async () => {
    renderShow(agentDe('controle_fraude', []), () => ({
      envois: [{ ...ENVOI, candidatures: [{ ...ENVOI.candidatures[0], statut: 'non_retenue', decision: 'non_retenue', dateCaleol: '2026-11-01' }] }],
      decision: { decision: 'non_retenue', motif: 'dossier_incomplet', commentaire: 'Bail manquant', dateCaleol: '2026-11-01', source: 'tableau', decideLe: '2026-11-02T11:00:00Z', bailleur: 'Alliade Habitat' },
    }));
    expect(await screen.findByText('Non retenue — CALEOL du 01/11/2026')).toBeTruthy();
    expect(screen.getByText('Dossier incomplet')).toBeTruthy();
    expect(screen.getByText('« Bail manquant »')).toBeTruthy();
    expect(screen.getByText('Enregistrée le 02/11/2026 12:00 par Alliade Habitat (tableau Excel)')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Envoyer au bailleur' })).toBeNull());
    expect(screen.queryByRole('button', { name: 'Révoquer le lien' })).toBeNull();
  });
});

describe('Envois au bailleur (offer tab)', { timeout: 60_000 }, () => {
  const OFFRE = FIXTURES.offres as Offre;
  const ENVOI_OFFRE: SuiviEnvoi = {
    ...ENVOI, id: 8, origine: 'offre', nombreCandidatures: 2, ouvertures: 1,
    candidatures: [
      { ...ENVOI.candidatures[0], candidatureId: 501, reference: 'CAND-2026-000501', demandeur: 'Alice Durand', statut: 'attribuee', decision: 'attribuee', dateCaleol: '2026-11-01' },
      { ...ENVOI.candidatures[0], candidatureId: 502, reference: 'CAND-2026-000502', demandeur: 'Hugo Blanc', telechargeLe: null, dernierTelechargementLe: null, telechargements: 0 },
    ],
  };

  it('R-BAIL-LIEN: a manager sends every transmitted candidature of the offer; the tab then shows envoyé, ouvert, and per candidature its decision and download', async () => {
    const posts: string[] = [];
    let suivi: { envois: SuiviEnvoi[] } = { envois: [] };
    server.use(
      sessionHandler(agentDe('manager', [])),
      http.get('/api/offres/:id/envois-bailleur', () => HttpResponse.json(suivi)),
      http.post('/api/offres/:id/envoyer-bailleur', ({ params }) => {
        posts.push(`envoyer offre ${params.id}`);
        suivi = { envois: [ENVOI_OFFRE] };
        return HttpResponse.json({ envoiId: 8, lienId: 8, destinataire: 'attributions@bailleur.test', expireLe: '2026-11-16T09:00:00Z', candidatures: 2 }, { status: 201 });
      }),
      ...fixtureHandlers(FIXTURES),
    );
    render(
      <TestMemoryRouter initialEntries={[`/offres/${OFFRE.id}/show`]}>
        <App store={memoryStore()} />
      </TestMemoryRouter>,
    );
    // The offer page is the first render of the file's react-admin and MUI here: give it time on a loaded machine.
    fireEvent.click(await screen.findByRole('tab', { name: 'Envois au bailleur' }, { timeout: 30_000 }));
    expect(await screen.findByText('Rien n’a encore été envoyé au bailleur par la plateforme.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer au bailleur' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Envoyer' }));
    await screen.findByText(/Lien envoyé à attributions@bailleur.test pour 2 candidatures/);
    expect(posts).toEqual([`envoyer offre ${OFFRE.id}`]);
    expect(await screen.findByText(/Envoyé le 02\/11\/2026 10:00 par Camille Martin à attributions@bailleur.test/)).toBeTruthy();
    expect(screen.getByText('Ouvert le 02/11/2026 11:15')).toBeTruthy();
    // The dialog closes with a transition; until it is gone it hides the page behind it (aria-modal).
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const table = screen.getByRole('table', { name: 'Candidatures de l’envoi' });
    const ligne = (ref: string) => within(table).getByRole('row', { name: new RegExp(ref) });
    expect(within(ligne('CAND-2026-000501')).getByText('Attribuée — CALEOL du 01/11/2026')).toBeTruthy();
    expect(within(ligne('CAND-2026-000501')).getByText('Téléchargé le 02/11/2026 11:16')).toBeTruthy();
    expect(within(ligne('CAND-2026-000502')).getByText('—')).toBeTruthy();
    expect(within(ligne('CAND-2026-000502')).getByText('Pas encore téléchargé')).toBeTruthy();
  });
});

describe('Envoyer au bailleur (designations export page)', () => {
  const EXPORT = { ...(FIXTURES.exports as Export), kind: 'designations_bailleur' as const, statut: 'termine' as const, params: { bailleurId: 3, from: '2026-03-01', to: '2026-03-31' } };
  const afficher = (x: Export, posts: string[]) => {
    server.use(
      sessionHandler(agentDe('manager', [])),
      http.post('/api/exports/:id/envoyer-bailleur', ({ params }) => {
        posts.push(`envoyer export ${params.id}`);
        return HttpResponse.json({ envoiId: 9, lienId: 9, destinataire: 'attributions@bailleur.test', expireLe: '2026-11-16T09:00:00Z', candidatures: 3 }, { status: 201 });
      }),
      ...fixtureHandlers({ ...FIXTURES, exports: x }),
    );
    render(
      <TestMemoryRouter initialEntries={[`/exports/${x.id}/show`]}>
        <App store={memoryStore()} />
      </TestMemoryRouter>,
    );
  };

  it('R-BAIL-LIEN: a manager sends a finished designations export to its bailleur after a confirmation; the answer names the address and the count', async () => {
    const posts: string[] = [];
    afficher(EXPORT, posts);
    fireEvent.click(await screen.findByRole('button', { name: 'Envoyer au bailleur' }, { timeout: 30_000 }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/aucune donnée personnelle/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Envoyer' }));
    await screen.findByText(/Lien envoyé à attributions@bailleur.test pour 3 candidatures/);
    expect(posts).toEqual([`envoyer export ${EXPORT.id}`]);
  });

  it.each([
    ['still running', { statut: 'en_cours' as const }],
    ['for an entreprise', { kind: 'rapport_entreprise' as const, params: { entrepriseId: 2 } }],
  ])('R-BAIL-LIEN: an export %s offers no send button', async (_cas, autre) => {
    afficher({ ...EXPORT, ...autre }, []);
    await screen.findByText('Habitat Rhône', {}, { timeout: 30_000 });
    expect(screen.queryByRole('button', { name: 'Envoyer au bailleur' })).toBeNull();
  });
});
