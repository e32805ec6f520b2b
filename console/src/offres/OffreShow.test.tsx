import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import type { Correspondances } from '@console/data/offres';
import type { Offre } from '@console/data/records';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

const OFFRE = { ...(FIXTURES.offres as Offre), publiee: false, debutPublication: null, finPublication: null, depublieeLe: null, repriseLe: null };
const CORRESPONDANCES: Correspondances = {
  offre: { id: OFFRE.id, reference: OFFRE.reference, titre: OFFRE.titre, commune: OFFRE.commune, enLigne: false, retiree: false },
  debut: 0, evalues: 3, total: 3, atteignent: 2, suivant: null, maxEvalues: 200,
  correspondances: [
    {
      demandeurId: 41, demandeId: 51, demandeReference: 'DEM-2026-000051', civilite: 'Mme', nom: 'Arnaud', prenom: 'Lucie', nombrePersonnes: 2,
      revenuFiscalReference: 21000, publicCible: 'peec', dateDemande: '2026-01-10T10:00:00Z', secteur: { commune: 'Bron', rayonKm: 10, distanceKm: 4.1, atteint: true },
      palier: 1, libellePalier: 'dossier complet', raisons: ['Recherche autour de Bron dans un rayon de 10 km : l’offre est à 4,1 km.'],
    },
    {
      demandeurId: 42, demandeId: 52, demandeReference: 'DEM-2026-000052', civilite: 'M', nom: 'Blanc', prenom: 'Hugo', nombrePersonnes: 1,
      revenuFiscalReference: 15000, publicCible: 'peec', dateDemande: '2026-02-10T10:00:00Z', secteur: { commune: 'Lyon', rayonKm: 0, distanceKm: 0, atteint: true },
      palier: 3, libellePalier: 'dossier incomplet', raisons: ['Recherche sur Lyon.'],
    },
  ],
  ecartes: [
    { demandeurId: 43, demandeId: 53, civilite: 'M', nom: 'Roux', prenom: 'Paul', code: 'HORS_SECTEUR', raison: 'Hors secteur : …', refus: [{ code: 'HORS_SECTEUR', raison: 'Hors secteur : …' }] },
  ],
};

function rendre(role: Role, posted: unknown[] = []) {
  server.use(
    sessionHandler(agentDe(role)),
    http.get(`/api/offres/${OFFRE.id}/correspondances`, () => HttpResponse.json(CORRESPONDANCES)),
    http.post('/api/propositions', async ({ request }) => {
      const body = (await request.json()) as { demandeurIds: number[] };
      posted.push(body);
      return HttpResponse.json({ envoyees: body.demandeurIds.map((d, i) => ({ id: 90 + i, demandeurId: d, expireLe: '2026-11-12T09:00:00Z' })), refusees: [] }, { status: 201 });
    }),
    ...fixtureHandlers({ ...FIXTURES, offres: OFFRE }),
  );
  render(
    <TestMemoryRouter initialEntries={[`/offres/${OFFRE.id}/show`]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe('OffreShow — publication and correspondances (R-PUB, §11.17)', { timeout: 60_000 }, () => {
  it('§11.17: a conseiller sees the matches with their reasons and those left out, ticks one and sends the proposition', async () => {
    const posted: unknown[] = [];
    rendre('conseiller', posted);
    fireEvent.click(await screen.findByRole('tab', { name: 'Correspondances' }));
    const onglet = await screen.findByTestId('correspondances');
    await within(onglet).findByText('ARNAUD Lucie');
    expect(within(onglet).getByText(/Offre non publiée/)).toBeTruthy();
    expect(within(onglet).getByText('Recherche autour de Bron dans un rayon de 10 km : l’offre est à 4,1 km.')).toBeTruthy();
    expect(within(screen.getByTestId('ecartes')).getByText('Hors secteur')).toBeTruthy();
    const envoyer = within(onglet).getByRole('button', { name: /Envoyer la proposition/ }) as HTMLButtonElement;
    expect(envoyer.disabled).toBe(true);
    fireEvent.click(within(onglet).getByRole('checkbox', { name: 'ARNAUD Lucie' }));
    fireEvent.click(envoyer);
    const dialogue = await screen.findByRole('dialog');
    fireEvent.change(within(dialogue).getByLabelText('Message au demandeur (facultatif)'), { target: { value: 'Bonjour' } });
    fireEvent.click(within(dialogue).getByRole('button', { name: 'Envoyer' }));
    await waitFor(() => expect(posted).toEqual([{ offreId: OFFRE.id, demandeurIds: [41], message: 'Bonjour' }]));
  });

  it('R-PUB: a manager gets the window actions the rule allows (ISSUE-15: an offer never published says « Publier », which sets its first window); a conseiller none', async () => {
    const posts: { url: string; body: unknown }[] = [];
    server.use(http.post(`/api/offres/${OFFRE.id}/:action`, async ({ request, params }) => {
      posts.push({ url: String(params.action), body: await request.json() });
      return HttpResponse.json({ ...OFFRE, publiee: true });
    }));
    rendre('manager');
    fireEvent.click(await screen.findByRole('tab', { name: 'Publication' }));
    const panneau = await screen.findByTestId('publication');
    expect(within(panneau).getByText('Jamais publiée')).toBeTruthy();
    const boutons = within(panneau).getAllByRole('button').map((b) => b.textContent);
    expect(boutons).toEqual(['Publier', 'Reprise par le bailleur', 'Attribution hors plateforme']);
    fireEvent.click(within(panneau).getByRole('button', { name: 'Publier' }));
    const dialogue = await screen.findByRole('dialog', { name: `Publier — ${OFFRE.reference}` });
    expect(within(dialogue).getByText(/n’a jamais été publiée/)).toBeTruthy();
    fireEvent.change(within(dialogue).getByLabelText(/Fin de publication/), { target: { value: '31/01/2099' } }); // typed jj/mm/aaaa whatever the browser's language
    fireEvent.click(within(dialogue).getByRole('button', { name: 'Confirmer' }));
    await waitFor(() => expect(posts).toEqual([{ url: 'renouveler', body: expect.objectContaining({ finPublication: '2099-01-31' }) }]));
    fireEvent.click(await screen.findByRole('tab', { name: 'Correspondances' }));
    await within(await screen.findByTestId('correspondances')).findByText('ARNAUD Lucie');
    expect(screen.queryByRole('button', { name: /Envoyer la proposition/ })).toBeNull();
  });

  it('R-PUB: a conseiller sees the window but no action', async () => {
    rendre('conseiller');
    fireEvent.click(await screen.findByRole('tab', { name: 'Publication' }));
    const panneau = await screen.findByTestId('publication');
    expect(within(panneau).queryAllByRole('button')).toHaveLength(0);
  });
});
