import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role, StatutCandidature } from '@shared/domain/enums';
import { App } from '@console/App';
import type { AgentProfile } from '@console/auth/session';
import type { Dossier } from '@console/data/instruction';
import type { Candidature } from '@console/data/records';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';
import { dossierPour, instructionHandlers } from './test/handlers';

const CANDIDATURE = FIXTURES.candidatures as Candidature;
const ACTIONS = ['Instruire', 'Désigner au bailleur', 'Attribuer', 'Ne pas retenir', 'Annuler'];

const problem = (status: number, code: string, detail: string) =>
  HttpResponse.json({ type: 'about:blank', status, code, detail }, { status, headers: { 'Content-Type': 'application/problem+json' } });

interface Setup {
  /** Routes answered before the fixtures (e.g. a second piece). */
  handlers?: HttpHandler[];
  agent?: AgentProfile;
  statut?: StatutCandidature;
  dossier?: Partial<Dossier>;
}

/** The candidature page of the fixture candidature, for this agent, in this status. */
function renderShow({ agent = agentDe('conseiller'), statut = 'en_instruction', dossier = {}, handlers = [] }: Setup = {}) {
  const record = { ...CANDIDATURE, statut, rang: 2, palier: 1, motifRang: 'dossier complet, candidature du 12/03/2026 à 09:14' };
  server.use(
    sessionHandler(agent),
    ...instructionHandlers({ dossier: () => dossierPour(record, agent, { verrou: null, ...dossier }) }),
    http.get('/api/candidatures/:id', () => HttpResponse.json(record)),
    ...handlers,
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
    const detail = 'Une candidature mieux classée attend encore : indiquez le motif pour désigner celle-ci avant elle.';
    server.use(
      http.post('/api/candidatures/1/designer', async ({ request }) => {
        const body = (await request.json()) as { motif?: string };
        bodies.push(body);
        return body.motif ? HttpResponse.json({ ...CANDIDATURE, statut: 'transmise_bailleur' }) : problem(409, 'SAUT_DE_RANG_SANS_MOTIF', detail);
      }),
    );
    renderShow();
    fireEvent.click(await screen.findByRole('button', { name: 'Désigner au bailleur' }));
    // ISSUE-15: a confirmation first (the demandeur is mailed), then the motif if the API asks for it.
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Désigner cette candidature au bailleur ?' })).getByRole('button', { name: 'Désigner au bailleur' }));
    const dialog = await screen.findByRole('dialog', { name: 'Désigner avant des candidatures mieux classées' });
    await within(dialog).findByText(detail);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), { target: { value: 'Le premier ne répond plus' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Désigner au bailleur' }));
    await waitFor(() => expect(bodies).toEqual([{}, { motif: 'Le premier ne répond plus' }]));
    expect(await screen.findByText('Candidature transmise au bailleur.')).toBeTruthy();
  });

  it('ISSUE-15: while a piece is not valid, « Désigner » is disabled with the reason inline, the pieces named in French and linked to their line', async () => {
    const pieces = 'Pièces à valider avant la désignation : pièce d’identité (demandeur), justificatif de domicile (demandeur).';
    renderShow({
      dossier: {
        designation: {
          possible: false,
          refus: [{ code: 'PIECES_NON_VALIDEES', raison: pieces }, { code: 'SUSPENDU', raison: 'Le demandeur est suspendu.' }],
          piecesAValider: [{ type: 'identite', titulaire: 'demandeur' }, { type: 'justificatif_domicile', titulaire: 'demandeur' }],
          devancees: [],
          devanceesTotal: 0,
        },
      },
    });
    const bouton = (await screen.findByRole('button', { name: 'Désigner au bailleur' })) as HTMLButtonElement;
    expect(bouton.disabled).toBe(true);
    const raison = document.getElementById(bouton.getAttribute('aria-describedby') ?? '')!;
    expect(raison.textContent).toContain('Pièces à valider avant la désignation :');
    expect(raison.textContent).toContain('Le demandeur est suspendu.');
    expect(raison.textContent).not.toMatch(/identite|PIECES_NON_VALIDEES|justificatif_domicile/);
    fireEvent.click(within(raison).getByRole('link', { name: 'Justificatif de domicile' }));
    expect(await screen.findByText('Aucun fichier déposé pour cette pièce.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('piece-justificatif_domicile-demandeur');
  });

  it('ISSUE-15: the designation dialog names the better-ranked candidatures it skips, and asks for the motif before sending', async () => {
    const bodies: unknown[] = [];
    server.use(http.post('/api/candidatures/1/designer', async ({ request }) => (bodies.push(await request.json()), HttpResponse.json({ ...CANDIDATURE, statut: 'transmise_bailleur' }))));
    renderShow({
      dossier: {
        designation: {
          possible: true, refus: [], piecesAValider: [],
          devancees: [{ rang: 1, candidatureId: 7, reference: 'CAND-2026-000007', nom: 'Léa Martin' }],
          devanceesTotal: 3,
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Désigner au bailleur' }));
    const dialog = await screen.findByRole('dialog', { name: 'Désigner avant des candidatures mieux classées' });
    expect(within(dialog).getByText('Rang 1 — Léa Martin (CAND-2026-000007)')).toBeTruthy();
    expect(within(dialog).getByText('… et 2 autres candidatures')).toBeTruthy();
    expect(within(dialog).getByText(/prévenu par courriel/)).toBeTruthy();
    const confirmer = within(dialog).getByRole('button', { name: 'Désigner au bailleur' }) as HTMLButtonElement;
    expect(confirmer.disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole('textbox', { name: /Motif/ }), { target: { value: 'Les mieux classés ne répondent plus' } });
    fireEvent.click(confirmer);
    await waitFor(() => expect(bodies).toEqual([{ motif: 'Les mieux classés ne répondent plus' }]));
  });

  it('ISSUE-15: « Ne pas retenir » offers standard motifs, editable, and sends the chosen text', async () => {
    let body: unknown;
    server.use(http.post('/api/candidatures/1/ne-pas-retenir', async ({ request }) => ((body = await request.json()), HttpResponse.json({ ...CANDIDATURE, statut: 'non_retenue' }))));
    renderShow();
    fireEvent.click(await screen.findByRole('button', { name: 'Ne pas retenir' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByRole('combobox', { name: 'Motif type' }));
    fireEvent.click(await screen.findByRole('option', { name: /ressources du foyer dépassent/ }));
    const motif = within(dialog).getByRole('textbox', { name: /Motif/ }) as HTMLTextAreaElement;
    expect(motif.value).toBe('Les ressources du foyer dépassent le plafond applicable à ce logement.');
    fireEvent.change(motif, { target: { value: `${motif.value} Plafond : 32 000 €.` } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ne pas retenir' }));
    await waitFor(() => expect(body).toEqual({ motif: 'Les ressources du foyer dépassent le plafond applicable à ce logement. Plafond : 32 000 €.' }));
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
  it('shows the first piece to check in the viewer, and validates it (ISSUE-15: naming the dossier, so that acting takes it)', async () => {
    let valide: unknown = null;
    server.use(http.post('/api/justificatifs/41/valider', async ({ request }) => (
      (valide = { candidatureId: Number(new URL(request.url).searchParams.get('candidatureId')), ...(await request.json() as object) }),
      HttpResponse.json({ ...FIXTURES.justificatifs, statut: 'valide' }))));
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
    await waitFor(() => expect(valide).toEqual({ candidatureId: 1 }));
    fireEvent.click(within(liste).getByText('Justificatif de domicile'));
    expect(await screen.findByText('Aucun fichier déposé pour cette pièce.')).toBeTruthy();
  });

  it.each<[Role, boolean]>([
    ['conseiller', true],
    ['manager', false],
  ])('piece buttons follow the role (%s); ISSUE-15: a role that may not open the files gets a French sentence, not a frame', async (role, visible) => {
    renderShow({ agent: agentDe(role) });
    await screen.findByRole('list', { name: 'Pièces du dossier' });
    if (visible) await waitFor(() => expect(document.querySelector('iframe')).not.toBeNull());
    else expect(await screen.findByText(/Votre rôle ne permet pas d’ouvrir les pièces justificatives/)).toBeTruthy();
    expect(document.querySelector('iframe') !== null).toBe(visible);
    expect(screen.queryByRole('button', { name: 'Refuser' }) !== null).toBe(visible);
    expect(screen.queryByRole('link', { name: 'Ouvrir dans un nouvel onglet' }) !== null).toBe(visible);
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
    expect(screen.getByText('Raccourcis : j / k ou Alt + ← / →, ? pour tous')).toBeTruthy();
    fireEvent.keyDown(window, { key: 'j' });
    await screen.findByRole('heading', { name: 'CAND-2026-000003' });
    fireEvent.keyDown(window, { key: 'ArrowLeft', altKey: true });
    await screen.findByRole('heading', { name: 'CAND-2026-000002' });
    fireEvent.keyDown(window, { key: 'k' });
    await screen.findByRole('heading', { name: 'CAND-2026-000001' });
  });
});

describe('CandidatureShow: « Traiter le suivant » from a dossier', () => {
  it('UI-FILE: takes the next one of the queue as the agent left it: its stored filters and its sort, sent as `ordre`', async () => {
    const agent = agentDe('conseiller');
    const record = { ...CANDIDATURE, statut: 'deposee' as const };
    const corps: unknown[] = [];
    server.use(
      sessionHandler(agent),
      ...instructionHandlers({ dossier: () => dossierPour(record, agent) }),
      http.get('/api/candidatures/:id', () => HttpResponse.json(record)),
      http.get('/api/candidatures', () => HttpResponse.json([record], { headers: { 'Content-Range': 'candidatures 0-0/1' } })),
      http.post('/api/candidatures/suivant', async ({ request }) => (corps.push(await request.json()), HttpResponse.json({ candidature: null }))),
      ...fixtureHandlers(FIXTURES),
    );
    const file = { filter: { onglet: 'a_traiter', offreId: 31, q: 'noel' }, sort: 'rang', order: 'ASC', page: 1, perPage: 25, displayedFilters: {} };
    render(
      <TestMemoryRouter initialEntries={[`/candidatures/${record.id}/show`]}>
        <App store={memoryStore({ 'candidatures.listParams': file })} />
      </TestMemoryRouter>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Traiter le suivant' }, { timeout: 30_000 }));
    await screen.findByText('Aucun dossier libre à instruire avec ces filtres.');
    expect(corps).toEqual([{ filter: { onglet: 'a_traiter', offreId: 31, q: 'noel' }, ordre: ['rang', 'ASC'] }]);
  }, 90_000);

  it('UI-FILE: with no queue visited yet, the queue\'s defaults: « À traiter », the longest waiting first', async () => {
    const corps: unknown[] = [];
    renderShow({ statut: 'deposee', handlers: [http.post('/api/candidatures/suivant', async ({ request }) => (corps.push(await request.json()), HttpResponse.json({ candidature: null })))] });
    fireEvent.click(await screen.findByRole('button', { name: 'Traiter le suivant' }, { timeout: 30_000 }));
    await waitFor(() => expect(corps).toEqual([{ filter: { onglet: 'a_traiter' }, ordre: ['dateCandidature', 'ASC'] }]));
  }, 90_000);
});

describe('CandidatureShow: V / R / N on the pieces', () => {
  const PIECE_42 = { ...FIXTURES.justificatifs, id: 42, type: 'identite', nomOriginal: 'cni.pdf' };
  /** Identité (41) and avis d'imposition (42) both waiting for a look, the domicile missing. */
  const checklist: Dossier['checklist'] = [
    { type: 'avis_imposition', titulaire: 'demandeur', source: 'socle', justificatifId: 41, statut: 'depose', expire: false, validee: false, ok: true },
    { type: 'identite', titulaire: 'demandeur', source: 'socle', justificatifId: 42, statut: 'depose', expire: false, validee: false, ok: true },
    { type: 'justificatif_domicile', titulaire: 'demandeur', source: 'reglementation', justificatifId: null, statut: null, expire: false, validee: false, ok: false },
  ];
  const posts: { url: string; body: unknown }[] = [];
  const enregistrer = http.post('/api/justificatifs/:id/:action', async ({ request, params }) => {
    // The dossier travels as ?candidatureId= (its new state comes back with the piece, and acting takes it).
    const u = new URL(request.url);
    posts.push({ url: u.pathname, body: { ...(await request.json() as object), candidatureId: Number(u.searchParams.get('candidatureId')) } });
    return HttpResponse.json({ ...FIXTURES.justificatifs, id: Number(params.id), statut: params.action === 'valider' ? 'valide' : 'refuse' });
  });
  const ligne = (nom: string) => within(screen.getByRole('list', { name: 'Pièces du dossier' })).getByText(nom).closest('[role="button"]') as HTMLElement;
  /** The viewer shows piece 41 (the first to check) with its buttons. */
  async function pret() {
    posts.length = 0;
    renderShow({ dossier: { checklist }, handlers: [enregistrer, http.get('/api/justificatifs/42', () => HttpResponse.json(PIECE_42))] });
    await screen.findByRole('list', { name: 'Pièces du dossier' });
    await screen.findByRole('button', { name: 'Valider' });
  }

  it('V validates the piece in the viewer, even once a viewer button had the focus, and the focus goes to the next piece of the checklist', async () => {
    await pret();
    screen.getByRole('link', { name: 'Ouvrir dans un nouvel onglet' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'v' });
    await waitFor(() => expect(posts).toEqual([{ url: '/api/justificatifs/41/valider', body: { candidatureId: 1 } }]));
    await waitFor(() => expect(document.activeElement).toBe(ligne("Pièce d'identité")));
    expect(ligne("Pièce d'identité").classList.contains('Mui-selected')).toBe(true);
  });

  it('R opens the refusal of the piece in the viewer; its confirmation sends the motif', async () => {
    await pret();
    fireEvent.keyDown(document.body, { key: 'R' });
    const dialog = await screen.findByRole('dialog', { name: /^Refuser : Avis d/ });
    // Keys typed in the dialog are not shortcuts.
    fireEvent.keyDown(dialog, { key: 'v' });
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: 'Document illisible' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Refuser' }));
    await waitFor(() => expect(posts).toEqual([{ url: '/api/justificatifs/41/refuser', body: { motifCode: 'illisible', candidatureId: 1 } }]));
  });

  it('N shows the next piece and keeps the focus in the checklist; V then validates that one', async () => {
    await pret();
    fireEvent.keyDown(document.body, { key: 'n' });
    await waitFor(() => expect(document.activeElement).toBe(ligne("Pièce d'identité")));
    await screen.findByText('cni.pdf');
    fireEvent.keyDown(document.activeElement!, { key: 'v' });
    await waitFor(() => expect(posts).toEqual([{ url: '/api/justificatifs/42/valider', body: { candidatureId: 1 } }]));
  });

  it('no shortcut while typing in a field', async () => {
    await pret();
    const champ = screen.getAllByRole('textbox')[0];
    champ.focus();
    fireEvent.keyDown(champ, { key: 'v' });
    fireEvent.keyDown(champ, { key: 'n' });
    await new Promise((r) => setTimeout(r, 200));
    expect(posts).toEqual([]);
    expect(document.activeElement).toBe(champ);
  });

  it('? lists every shortcut of the dossier page, in French', async () => {
    await pret();
    fireEvent.keyDown(document.body, { key: '?', shiftKey: true });
    const aide = await screen.findByRole('dialog', { name: 'Raccourcis clavier' });
    const lignes = within(aide).getAllByRole('row').slice(1).map((r) => Array.from(r.querySelectorAll('td')).map((c) => c.textContent));
    expect(lignes).toEqual([
      ['j ou Alt + →', 'Dossier suivant de la file'],
      ['k ou Alt + ←', 'Dossier précédent de la file'],
      ['V', 'Valider la pièce affichée'],
      ['R', 'Refuser la pièce affichée (motif demandé)'],
      ['N', 'Pièce suivante de la liste'],
      ['A', 'Actions du dossier (Instruire, Désigner…) : y aller'],
      ['?', 'Afficher cette aide'],
    ]);
    // While the help is open, V is not a shortcut.
    fireEvent.keyDown(aide, { key: 'v' });
    await new Promise((r) => setTimeout(r, 100));
    expect(posts).toEqual([]);
  });

  it('V still works once the PDF frame has the focus: its keys are relayed to the page', async () => {
    await pret();
    const frame = document.querySelector('iframe')!;
    fireEvent.load(frame);
    const doc = frame.contentWindow!.document;
    const touche = new (frame.contentWindow as Window & typeof globalThis).KeyboardEvent('keydown', { key: 'v', bubbles: true, cancelable: true });
    (doc.body ?? doc.documentElement ?? doc).dispatchEvent(touche);
    await waitFor(() => expect(posts).toEqual([{ url: '/api/justificatifs/41/valider', body: { candidatureId: 1 } }]));
    expect(touche.defaultPrevented).toBe(true);
  });
});
