import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { App } from '@console/App';
import type { AgentProfile } from '@console/auth/session';
import { dossierPour, instructionHandlers } from '@console/candidatures/test/handlers';
import type { Candidature, Demande } from '@console/data/records';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

const DEMANDE = { ...(FIXTURES.demandes as Demande), accompagneServiceSalariesEnDifficulte: false };
const CANDIDATURE = FIXTURES.candidatures as Candidature;

/** The API of one demande whose accompaniment the POST flips, recording each body sent. */
function api(agent: AgentProfile, demande: Demande = DEMANDE) {
  let courante = { ...demande };
  const envois: unknown[] = [];
  server.use(
    sessionHandler(agent),
    ...instructionHandlers({ dossier: () => dossierPour({ ...CANDIDATURE, statut: 'en_instruction' }, agent) }),
    http.get(`/api/demandes/${demande.id}`, () => HttpResponse.json(courante)),
    http.post(`/api/demandes/${demande.id}/accompagnement`, async ({ request }) => {
      const body = (await request.json()) as { accompagne: boolean; motif: string };
      envois.push(body);
      courante = { ...courante, accompagneServiceSalariesEnDifficulte: body.accompagne };
      return HttpResponse.json(courante);
    }),
    ...fixtureHandlers(FIXTURES),
  );
  return envois;
}

const ouvrir = (chemin: string) =>
  render(
    <TestMemoryRouter initialEntries={[chemin]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );

/** Opens the dialog of `bouton`, writes the motif and confirms. */
async function confirmer(bouton: string, motif: string) {
  await screen.findByRole('button', { name: bouton });
  // Click until the dialog shows: a refetch may replace the button just as it is clicked (seen under load).
  await waitFor(() => {
    if (!screen.queryByRole('dialog')) fireEvent.click(screen.getByRole('button', { name: bouton }));
    expect(screen.getByRole('dialog')).toBeTruthy();
  });
  const dialog = screen.getByRole('dialog');
  const valider = within(dialog).getByRole('button', { name: bouton }) as HTMLButtonElement;
  expect(valider.disabled).toBe(true);
  fireEvent.change(within(dialog).getByRole('textbox'), { target: { value: motif } });
  fireEvent.click(valider);
  // The dialog closes once the POST answered: wait for it, so the next step never reads a closing one.
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('§13.6 tier 1 from the console', () => {
  it('R-RANK-CD: on the demande page a conseiller declares the accompaniment with a motif, then may remove it', async () => {
    const envois = api(agentDe('conseiller'));
    ouvrir(`/demandes/${DEMANDE.id}/show`);
    await confirmer('Déclarer accompagné', 'Suivi par le service depuis mars');
    await waitFor(() => expect(envois).toEqual([{ accompagne: true, motif: 'Suivi par le service depuis mars' }]));
    expect(await screen.findByText('Accompagnement déclaré : le classement est recalculé.')).toBeTruthy();
    await confirmer('Retirer l’accompagnement', 'Fin du suivi');
    await waitFor(() => expect(envois).toHaveLength(2));
    expect(envois[1]).toEqual({ accompagne: false, motif: 'Fin du suivi' });
    expect(await screen.findByRole('button', { name: 'Déclarer accompagné' })).toBeTruthy();
  });

  it('R-RANK-CD: from the candidature dossier, the demandeur card declares it and then shows the accompaniment flag', async () => {
    const envois = api(agentDe('controle_fraude', []));
    ouvrir(`/candidatures/${CANDIDATURE.id}/show`);
    await screen.findByText('Pièces du dossier');
    expect(screen.queryByText('Accompagné (salariés en difficulté)')).toBeNull();
    await confirmer('Déclarer accompagné', 'Signalé par le service social');
    await waitFor(() => expect(envois).toEqual([{ accompagne: true, motif: 'Signalé par le service social' }]));
    expect(await screen.findByText('Accompagné (salariés en difficulté)')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Retirer l’accompagnement' })).toBeTruthy();
  });

  it('R-RANK-CD: a manager sees no button, nor anyone on a closed demande', async () => {
    api(agentDe('manager', []));
    const { unmount } = ouvrir(`/demandes/${DEMANDE.id}/show`);
    expect(await screen.findByText(DEMANDE.reference)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Déclarer accompagné' })).toBeNull();
    unmount();
    api(agentDe('conseiller'), { ...DEMANDE, statut: 'cloturee' });
    ouvrir(`/demandes/${DEMANDE.id}/show`);
    expect(await screen.findByText(DEMANDE.reference)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Déclarer accompagné' })).toBeNull();
  });
});
