import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CandidatureEnAttente, ListeBailleur, RapportTableau } from '@shared/api/bailleurs';
import { server } from '@console/test/server';

const CANDIDATURE: CandidatureEnAttente = {
  id: 41, reference: 'CAND-2026-000041', designeeLe: '2026-11-01T09:00:00Z', envoyeeLe: '2026-11-01T10:00:00Z',
  offre: { reference: 'OFF-2026-0007', titre: 'T3 lumineux', typologie: 'T3', commune: 'Lyon', codePostal: '69003' },
  demandeur: { civilite: 'Mme', prenom: 'Alice', nom: 'Durand' }, nombrePersonnes: 3, pieces: ['Pièce d’identité'], telechargeLe: null,
};
const LISTE: ListeBailleur = { enAttente: [CANDIDATURE], decidees: [] };

/** The page as a fresh load (its session is opened once per load: a module-level promise). */
async function ouvrirPage(jeton = 'jeton-du-courriel') {
  window.history.replaceState(null, '', `/bailleur/#${jeton}`);
  vi.resetModules();
  const { PageBailleur } = await import('./PageBailleur');
  render(<PageBailleur />);
}

const session = () => http.post('/api/bailleur/session', () => HttpResponse.json({ bailleur: 'Alliade Habitat', expireLe: '2026-11-16T09:00:00Z' }, { status: 201 }));

describe('the bailleur page (console/bailleur)', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('R-BAIL-LIEN: an expired link shows its own screen (410 LIEN_EXPIRE) and the token leaves the address bar', async () => {
    const jetons: string[] = [];
    server.use(http.post('/api/bailleur/session', ({ request }) => {
      jetons.push(request.headers.get('authorization') ?? '');
      return HttpResponse.json({ code: 'LIEN_EXPIRE', detail: 'Ce lien a expiré le 16/11/2026 à 10:00. Demandez un nouvel envoi à Action Logement Services.' },
        { status: 410, headers: { 'Content-Type': 'application/problem+json' } });
    }));
    await ouvrirPage('jeton-expire');
    expect(await screen.findByRole('heading', { name: 'Ce lien a expiré' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('Demandez un nouvel envoi');
    expect(jetons).toEqual(['Bearer jeton-expire']);
    expect(window.location.hash).toBe('');
    expect(screen.queryByRole('button', { name: 'Enregistrer la décision' })).toBeNull();
  });

  it('R-BAIL-DECISION: field errors under their field; « Autre » needs its free text; a server refusal on a field shows under it; then the decision is posted', async () => {
    const corps: unknown[] = [];
    let refuser = true;
    server.use(
      session(),
      http.get('/api/bailleur/candidatures', () => HttpResponse.json(LISTE)),
      http.post('/api/bailleur/candidatures/:id/decision', async ({ request, params }) => {
        corps.push({ id: params.id, ...((await request.json()) as object) });
        if (refuser) {
          refuser = false;
          return HttpResponse.json({ code: 'DATE_CALEOL_AVANT_DESIGNATION', detail: 'Refusé', errors: [{ field: 'dateCaleol', message: 'La CALEOL ne peut précéder la désignation (01/11/2026).' }] },
            { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
        }
        return HttpResponse.json({ candidatureId: 41, decision: 'non_retenue' });
      }),
    );
    await ouvrirPage();
    const carte = await screen.findByRole('article', { name: /CAND-2026-000041/ });
    const enregistrer = () => fireEvent.click(within(carte).getByRole('button', { name: 'Enregistrer la décision' }));

    enregistrer();
    expect(await within(carte).findByText('Indiquez la décision : « Attribuée » ou « Non retenue ».')).toBeTruthy();
    fireEvent.click(within(carte).getByRole('radio', { name: 'Non retenue' }));
    enregistrer();
    expect(await within(carte).findByText('Choisissez le motif de non-retenue dans la liste.')).toBeTruthy();
    expect(within(carte).getByLabelText('Motif de non-retenue').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(carte).getByLabelText('Motif de non-retenue'), { target: { value: 'autre' } });
    expect(within(carte).getByLabelText('Commentaire (obligatoire)')).toBeTruthy();
    fireEvent.change(within(carte).getByLabelText('Date de la CALEOL'), { target: { value: '02/11/2026' } });
    enregistrer();
    expect(await within(carte).findByText('Précisez le motif « Autre » en quelques mots.')).toBeTruthy();
    expect(corps).toEqual([]); // nothing posted while the form is wrong

    fireEvent.change(within(carte).getByLabelText('Commentaire (obligatoire)'), { target: { value: 'Logement repris pour travaux' } });
    enregistrer();
    expect(await within(carte).findByText('La CALEOL ne peut précéder la désignation (01/11/2026).')).toBeTruthy();
    expect(within(carte).getByLabelText('Date de la CALEOL').getAttribute('aria-invalid')).toBe('true');
    enregistrer();
    expect(await screen.findByText(/Décision enregistrée pour la candidature CAND-2026-000041 : non retenue \(CALEOL du 2 novembre 2026\)/)).toBeTruthy();
    expect(corps).toHaveLength(2);
    expect(corps[1]).toMatchObject({ id: '41', decision: 'non_retenue', motif: 'autre', commentaire: 'Logement repris pour travaux' });
  });

  it('R-BAIL-DECISION: the spreadsheet sent back shows its per-row report: applied, refused with the reason, ignored', async () => {
    const rapport: RapportTableau = {
      appliquees: 1, refusees: 1, ignorees: 1,
      lignes: [
        { ligne: 2, reference: 'CAND-2026-000041', resultat: 'appliquee', decision: 'attribuee' },
        { ligne: 3, reference: 'CAND-2026-000042', resultat: 'refusee', code: 'MOTIF_INCONNU', raison: 'Motif inconnu : « trop tard ». Choisissez un motif de la liste.' },
        { ligne: 4, reference: 'CAND-2026-000043', resultat: 'ignoree' },
      ],
    };
    let televerse = 0;
    server.use(
      session(),
      http.get('/api/bailleur/candidatures', () => HttpResponse.json(LISTE)),
      http.post('/api/bailleur/tableau', async ({ request }) => {
        televerse = (await request.arrayBuffer()).byteLength;
        return HttpResponse.json(rapport);
      }),
    );
    await ouvrirPage();
    await screen.findByRole('heading', { name: 'Candidatures à examiner (1)' });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le tableau' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Choisissez le fichier Excel (.xlsx) complété.');
    const fichier = new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'decisions.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    fireEvent.change(screen.getByLabelText(/Tableau complété/), { target: { files: [fichier] } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le tableau' }));
    const table = await screen.findByRole('table', { name: 'Résultat ligne par ligne : 1 appliquée, 1 refusée, 1 ignorée' });
    const lignes = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(lignes).toEqual([
      ['2', 'CAND-2026-000041', 'Appliquée', 'Attribuée'],
      ['3', 'CAND-2026-000042', 'Refusée', 'Motif inconnu : « trop tard ». Choisissez un motif de la liste.'],
      ['4', 'CAND-2026-000043', 'Ignorée', ''],
    ]);
    expect(televerse).toBeGreaterThan(0);
    await waitFor(() => expect(screen.getByText('Tableau traité : 1 décision appliquée, 1 ligne refusée, 1 ligne sans décision.')).toBeTruthy());
  });
});
