import { http, HttpResponse } from 'msw';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import type { RapportGroupe } from '@console/data/instruction';
import type { Candidature } from '@console/data/records';
import { agentDe, listHandler, sessionHandler, type ListCall } from '@console/test/handlers';
import { server } from '@console/test/server';
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

const OFFRE = { id: 31, reference: 'OFF-69-0031', titre: 'T3 lumineux', programmeId: 4, commune: 'Villeurbanne' };
const PROGRAMME = { id: 4, nom: 'Les Terrasses du Parc', commune: 'Villeurbanne' };

function renderAt(path: string, rapport?: RapportGroupe, store = memoryStore(), offres: ListCall[] = []) {
  // The offer filter loads its choices (and the selected one); tab counts, saved filters, bulk actions.
  server.use(
    ...instructionHandlers({ rapport }),
    listHandler('offres', [OFFRE], offres),
    http.get('/api/offres/31', () => HttpResponse.json(OFFRE)),
    http.get('/api/programmes/4', () => HttpResponse.json(PROGRAMME)),
  );
  return render(
    <TestMemoryRouter initialEntries={[path]}>
      <App store={store} />
    </TestMemoryRouter>,
  );
}

describe('CandidatureList', () => {
  it('VOLUME-CONSOLE: the queue shows without asking for offers; the offer filter asks once the agent types two characters', async () => {
    const offres: ListCall[] = [];
    server.use(sessionHandler(agentDe('conseiller', ['69'])), listHandler('candidatures', ROWS));
    renderAt('/candidatures', undefined, memoryStore(), offres);
    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000001');
    await new Promise((r) => setTimeout(r, 300));
    const choix = () => offres.filter((c) => !('id' in c.filter));
    expect(choix()).toHaveLength(0);
    const champ = screen.getByRole('combobox', { name: /offre/i });
    fireEvent.change(champ, { target: { value: 'O' } });
    // What to do, in French, instead of an empty list.
    expect(await screen.findByText('Tapez au moins deux caractères de la référence')).toBeTruthy();
    await new Promise((r) => setTimeout(r, 700));
    expect(choix()).toHaveLength(0);
    fireEvent.change(champ, { target: { value: 'OFF' } });
    await waitFor(() => expect(choix().map((c) => c.filter)).toEqual([{ q: 'OFF' }]));
  });

  it('UI-FILE: shows the candidatures in French, the longest waiting first', async () => {
    const calls: ListCall[] = [];
    const lignes = [candidature(1, { rang: 3, palier: 2, piecesAVerifier: 4, joursAttente: 17 }), ROWS[1]];
    server.use(sessionHandler(agentDe('conseiller', ['69', '01'])), listHandler('candidatures', lignes, calls));
    renderAt('/candidatures');

    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000001');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    // UI-FILE: the rank within its offer, the palier, the pieces to check and the days waited, on every row.
    for (const header of ['Rang', 'Référence', 'Demandeur', 'Offre', 'Statut', 'Palier', 'Pièces à vérifier', 'Attente (jours)', 'Date de candidature', 'Département', 'Agent en charge']) {
      expect(headers).toContain(header);
    }
    const premiere = within(table).getByText('CAND-2026-000001').closest('tr')!;
    expect(within(premiere).getByText('4')).toBeTruthy();
    expect(within(premiere).getByText('17')).toBeTruthy();
    expect(within(table).getByText('DUPONT Marie')).toBeTruthy();
    expect(within(table).getAllByText('OFF-69-0031')).toHaveLength(2);
    expect(within(table).getByText('Déposée')).toBeTruthy();
    expect(within(table).getByText('Transmise au bailleur')).toBeTruthy();
    expect(within(table).getByText('Claire Martin')).toBeTruthy();
    expect(within(table).getAllByText('12/03/2026 09:14')).toHaveLength(2);
    expect(calls[0]?.sort).toEqual(['dateCandidature', 'ASC']);
  });

  it('UI-FILE: an agent of one territory sees no Département column (the same on every row)', async () => {
    server.use(sessionHandler(agentDe('conseiller', ['69'])), listHandler('candidatures', ROWS));
    renderAt('/candidatures');
    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000001');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent?.trim());
    expect(headers).toContain('Rang');
    expect(headers).not.toContain('Département');
  });

  it('LISTE-EXPORT: « Exporter (XLSX) » downloads what the list shows: its tab, filters and sort (issue #15)', async () => {
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS));
    renderAt('/candidatures');
    await within(await screen.findByRole('table')).findByText('CAND-2026-000001');
    const lien = await screen.findByRole('link', { name: 'Exporter (XLSX)' });
    const url = new URL(lien.getAttribute('href')!, 'http://x');
    expect(url.pathname).toBe('/api/candidatures/export.xlsx');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ onglet: 'a_traiter' });
    expect(JSON.parse(url.searchParams.get('sort')!)).toEqual(['dateCandidature', 'ASC']);
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

  it('UI-FILTRE-OFFRE: a list filtered on an offer says so above the table; « Retirer le filtre » removes the offer filter only, the tab stays', async () => {
    const calls: ListCall[] = [];
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS, calls));
    renderAt(`/candidatures?filter=${encodeURIComponent(JSON.stringify({ onglet: 'mes_dossiers', offreId: 31 }))}`);

    const bandeau = await screen.findByRole('status');
    await within(bandeau).findByText('Filtré sur l’offre OFF-69-0031 — Les Terrasses du Parc, Villeurbanne');
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'mes_dossiers', offreId: 31 }));
    fireEvent.click(within(bandeau).getByRole('button', { name: 'Retirer le filtre' }));

    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'mes_dossiers' }));
    await waitFor(() => expect(screen.queryByText(/Filtré sur l’offre/)).toBeNull());
    expect(screen.getByRole('tab', { name: 'Mes dossiers 12' }).getAttribute('aria-selected')).toBe('true');
  });

  it('UI-FILTRE-OFFRE: an offer filter remembered by react-admin shows too, on « Toutes » as well; the app-bar search does not keep it', async () => {
    const calls: ListCall[] = [];
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS, calls));
    const store = memoryStore({ 'candidatures.listParams': { filter: { onglet: 'a_traiter', offreId: 31 }, sort: 'rang', order: 'ASC', page: 1, perPage: 25 } });
    renderAt('/candidatures', undefined, store);

    await screen.findByText('Filtré sur l’offre OFF-69-0031 — Les Terrasses du Parc, Villeurbanne');
    fireEvent.click(screen.getByRole('tab', { name: /^Toutes/ }));
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'toutes', offreId: 31 }));
    // Still said plainly on « Toutes »: the offer filter is never kept silently.
    expect(screen.getByText('Filtré sur l’offre OFF-69-0031 — Les Terrasses du Parc, Villeurbanne')).toBeTruthy();

    const champ = screen.getByRole('textbox', { name: 'Rechercher une candidature' });
    fireEvent.change(champ, { target: { value: 'noel' } });
    fireEvent.submit(champ.closest('form')!);
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'toutes', q: 'noel' }));
    await waitFor(() => expect(screen.queryByText(/Filtré sur l’offre/)).toBeNull());
  });

  it('shows the tabs with their counts, « À traiter » first, and filters by the tab chosen', async () => {
    const calls: ListCall[] = [];
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS, calls));
    renderAt('/candidatures');

    const aTraiter = await screen.findByRole('tab', { name: 'À traiter 60' });
    expect(aTraiter.getAttribute('aria-selected')).toBe('true');
    const names = screen.getAllByRole('tab').map((t) => t.textContent);
    expect(names).toEqual(['À traiter60', 'Mes dossiers12', 'En instruction31', 'Transmises au bailleur9', 'Sans réponse du bailleur2', 'Traitées65', 'Toutes165']);
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'a_traiter' }));

    fireEvent.click(screen.getByRole('tab', { name: 'Mes dossiers 12' }));
    await waitFor(() => expect(calls.at(-1)?.filter).toEqual({ onglet: 'mes_dossiers' }));
    expect(screen.getByRole('tab', { name: 'Mes dossiers 12' }).getAttribute('aria-selected')).toBe('true');
  });

  it('R-CAND-FSM: offers only the bulk actions the selected rows allow (a déposée: Instruire, not Ne pas retenir; a transmise: the reverse)', async () => {
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS));
    renderAt('/candidatures');
    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000002');
    const cases = within(table).getAllByRole('checkbox'); // [all, row 1 (déposée), row 2 (transmise)]
    fireEvent.click(cases[1]);
    await screen.findByRole('button', { name: 'Instruire' });
    expect(screen.queryByRole('button', { name: 'Ne pas retenir' })).toBeNull();
    fireEvent.click(cases[1]);
    fireEvent.click(cases[2]);
    await screen.findByRole('button', { name: 'Ne pas retenir' });
    expect(screen.queryByRole('button', { name: 'Instruire' })).toBeNull();
  });

  it('R-CAND-FSM: « Assigner » is offered only when a selected row is still open (none on closed rows, « Traitées »)', async () => {
    const rows = [candidature(3, { statut: 'attribuee' }), candidature(4, { statut: 'annulee' }), candidature(5, { statut: 'en_instruction' })];
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', rows));
    renderAt(`/candidatures?filter=${encodeURIComponent(JSON.stringify({ onglet: 'traitees' }))}`);
    await screen.findByText('CAND-2026-000005', {}, { timeout: 30_000 });
    const cases = within(screen.getByRole('table')).getAllByRole('checkbox'); // [all, attribuée, annulée, en instruction]
    fireEvent.click(cases[1]);
    fireEvent.click(cases[2]);
    await screen.findByText(/2 .*sélectionn/);
    expect(screen.queryByRole('button', { name: 'Assigner' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Instruire' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ne pas retenir' })).toBeNull();
    fireEvent.click(cases[3]);
    await screen.findByRole('button', { name: 'Assigner' });
    expect(screen.getByRole('button', { name: 'Ne pas retenir' })).toBeTruthy();
  }, 90_000);

  it('UI-FILE: « Traiter le suivant » asks the server for the next free dossier under the queue\'s filters and in its order (sort sent as `ordre`); none left → said in French (issue #15)', async () => {
    const corps: unknown[] = [];
    server.use(
      sessionHandler(agentDe('conseiller')),
      listHandler('candidatures', ROWS),
      http.post('/api/candidatures/suivant', async ({ request }) => (corps.push(await request.json()), HttpResponse.json({ candidature: null }))),
    );
    renderAt('/candidatures');
    await screen.findByText('CAND-2026-000001', {}, { timeout: 30_000 });
    fireEvent.click(screen.getByRole('button', { name: 'Traiter le suivant' }));
    await screen.findByText('Aucun dossier libre à instruire avec ces filtres.');
    expect(corps).toEqual([{ filter: { onglet: 'a_traiter' }, ordre: ['dateCandidature', 'ASC'] }]);
  }, 90_000);

  it('UI-FILE: filtered on an offer, the queue is sorted by « Rang »: « Traiter le suivant » takes the next one in that order (issue #15)', async () => {
    const corps: unknown[] = [];
    const calls: ListCall[] = [];
    server.use(
      sessionHandler(agentDe('conseiller')),
      listHandler('candidatures', ROWS, calls),
      http.post('/api/candidatures/suivant', async ({ request }) => (corps.push(await request.json()), HttpResponse.json({ candidature: null }))),
    );
    renderAt(`/candidatures?filter=${encodeURIComponent(JSON.stringify({ onglet: 'a_traiter', offreId: 31 }))}`);
    await waitFor(() => expect(calls.at(-1)?.sort).toEqual(['rang', 'ASC']), { timeout: 30_000 });
    fireEvent.click(await screen.findByRole('button', { name: 'Traiter le suivant' }));
    await screen.findByText('Aucun dossier libre à instruire avec ces filtres.');
    expect(corps).toEqual([{ filter: { onglet: 'a_traiter', offreId: 31 }, ordre: ['rang', 'ASC'] }]);
  }, 90_000);

  it('the tab badges are counted under the other filters of the queue (a search), not the tab itself (issue #15)', async () => {
    const filtres: (string | null)[] = [];
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS));
    renderAt(`/candidatures?filter=${encodeURIComponent(JSON.stringify({ onglet: 'toutes', q: 'noel' }))}`);
    server.use(http.get('/api/candidatures/compteurs', ({ request }) => {
      filtres.push(new URL(request.url).searchParams.get('filter'));
      return HttpResponse.json({ a_traiter: 1, mes_dossiers: 0, en_instruction: 0, transmises: 0, sans_reponse_bailleur: 0, traitees: 2, toutes: 3 });
    }));
    await screen.findByRole('tab', { name: 'Toutes 3' });
    expect(filtres.map((f) => JSON.parse(f ?? '{}'))).toContainEqual({ q: 'noel' });
  });

  it('runs a bulk « Instruire » and lists the refused rows with their French reason', async () => {
    const raison = 'Impossible d’instruire une candidature au statut « Transmise au bailleur ».';
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

describe('CandidatureList: keyboard', () => {
  it('rows take the focus (tabIndex 0); j / k move it, Enter opens the dossier of the focused row', async () => {
    const rows = [candidature(1), candidature(2, { demandeurNom: 'Nguyen' }), candidature(3, { demandeurNom: 'Petit' })];
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', rows));
    let path = '';
    server.use(...instructionHandlers(), listHandler('offres', [OFFRE]));
    render(
      <TestMemoryRouter initialEntries={['/candidatures']} locationCallback={(l) => (path = l.pathname)}>
        <App store={memoryStore()} />
      </TestMemoryRouter>,
    );
    const table = await screen.findByRole('table');
    await within(table).findByText('CAND-2026-000003');
    const lignes = within(table).getAllByRole('row').filter((r) => r.closest('tbody'));
    expect(lignes.map((r) => r.getAttribute('tabindex'))).toEqual(['0', '0', '0']);

    // jsdom focuses the (hidden) « Colonnes » filter field when its portal mounts: wait for it first.
    await waitFor(() => expect(document.activeElement?.getAttribute('placeholder')).toBe('Filtrer les colonnes'));
    (document.activeElement as HTMLElement).blur();
    fireEvent.keyDown(document.body, { key: 'j' });
    expect(document.activeElement).toBe(lignes[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    expect(document.activeElement).toBe(lignes[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    fireEvent.keyDown(document.activeElement!, { key: 'k' });
    expect(document.activeElement).toBe(lignes[1]);
    // Typing in a field is not a shortcut.
    const recherche = document.createElement('input');
    document.body.appendChild(recherche);
    recherche.focus();
    fireEvent.keyDown(recherche, { key: 'j' });
    expect(document.activeElement).toBe(recherche);
    recherche.remove();

    lignes[0].focus();
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    fireEvent.keyDown(document.activeElement!, { key: 'j' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    await waitFor(() => expect(path).toBe('/candidatures/3/show'));
  });

  it('? opens the list of the queue\'s shortcuts, in French', async () => {
    server.use(sessionHandler(agentDe('conseiller')), listHandler('candidatures', ROWS));
    renderAt('/candidatures');
    await within(await screen.findByRole('table')).findByText('CAND-2026-000001');
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true });
    const aide = await screen.findByRole('dialog', { name: 'Raccourcis clavier' });
    const lignes = within(aide).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('td')).map((c) => c.textContent));
    expect(lignes).toEqual([
      ['j', 'Ligne suivante'],
      ['k', 'Ligne précédente'],
      ['Entrée', 'Ouvrir le dossier de la ligne'],
      ['?', 'Afficher cette aide'],
    ]);
    fireEvent.click(within(aide).getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Raccourcis clavier' })).toBeNull());
  });
});
