import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import type { Dossier } from '@console/data/instruction';
import type { Candidature } from '@console/data/records';
import { MODELES_DEMANDE_PIECE } from '@console/candidatures/actions/modelesMotif';
import { dossierPour, instructionHandlers } from '@console/candidatures/test/handlers';
import { FIXTURES } from '@console/test/fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from '@console/test/handlers';
import { server } from '@console/test/server';

const RECORD = { ...(FIXTURES.candidatures as Candidature), statut: 'en_instruction' as const, rang: 1, palier: 1, motifRang: 'dossier complet' };
const DEMANDEE_LE = '2026-11-02T09:00:00.000Z';

/** The dossier page with a refused « ressources » line beside the default ones (a deposited, a valid, a missing piece). */
function afficher(role: Role, options: { post?: (body: unknown) => Response | Promise<Response> } = {}) {
  const agent = agentDe(role);
  let demandee: { type: string; motif: string } | null = null;
  const recus: unknown[] = [];
  const dossier = (): Dossier => {
    const base = dossierPour(RECORD, agent, { verrou: null });
    const checklist = [
      ...base.checklist.map(({ demandable: _d, ...l }) => l),
      { type: 'ressources' as const, titulaire: 'demandeur' as const, source: 'socle' as const, justificatifId: 43, statut: 'refuse' as const, expire: false, validee: false, ok: false },
    ].map((l) => (demandee && l.type === demandee.type
      ? { ...l, demandePiece: { id: 1, demandeeLe: DEMANDEE_LE, motif: demandee.motif, agentId: agent.id, agentNom: 'Camille Martin' } }
      : l));
    return dossierPour(RECORD, agent, { verrou: null, checklist });
  };
  server.use(
    sessionHandler(agent),
    ...instructionHandlers({ dossier }),
    http.get('/api/candidatures/:id', () => HttpResponse.json(RECORD)),
    http.post('/api/candidatures/:id/pieces/demander', async ({ request }) => {
      const body = (await request.json()) as { type: string; motif: string };
      recus.push(body);
      if (options.post) return options.post(body);
      demandee = body;
      return HttpResponse.json({ id: 1, candidatureId: RECORD.id, ...body, demandeeLe: DEMANDEE_LE, agentId: agent.id, agentNom: 'Camille Martin' }, { status: 201 });
    }),
    ...fixtureHandlers(FIXTURES),
  );
  render(
    <TestMemoryRouter initialEntries={[`/candidatures/${RECORD.id}/show`]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
  return recus;
}

const liste = async () => screen.findByRole('list', { name: 'Pièces du dossier' });
const boutons = async () => {
  const l = await liste();
  await within(l).findByText('Justificatif de domicile');
  return within(l).queryAllByRole('button', { name: /^Demander la pièce/ }).map((b) => b.getAttribute('aria-label'));
};

describe('« Demander la pièce » on the dossier checklist (issue #15)', () => {
  it('UI-DEMANDER-PIECE: a conseiller sees the button on the missing and refused lines only, picks a motif template, sends, and the line then shows « Demandée le jj/mm/aaaa »', async () => {
    const recus = afficher('conseiller');
    expect(await boutons()).toEqual(['Demander la pièce : Justificatif de domicile', 'Demander la pièce : Justificatif de ressources']);
    fireEvent.click(screen.getByRole('button', { name: 'Demander la pièce : Justificatif de domicile' }));
    const dialogue = await screen.findByRole('dialog', { name: 'Demander la pièce : Justificatif de domicile' });
    const envoyer = within(dialogue).getByRole('button', { name: 'Envoyer la demande' });
    expect((envoyer as HTMLButtonElement).disabled).toBe(true);
    // A template fills the motif, still editable.
    fireEvent.mouseDown(within(dialogue).getByRole('combobox', { name: /Motif type/ }));
    fireEvent.click(await screen.findByRole('option', { name: MODELES_DEMANDE_PIECE[0] }));
    const motif = within(dialogue).getByLabelText(/^Motif \(transmis au demandeur\)/) as HTMLTextAreaElement;
    expect(motif.value).toBe(MODELES_DEMANDE_PIECE[0]);
    fireEvent.change(motif, { target: { value: `${MODELES_DEMANDE_PIECE[0]} Une facture de moins de 3 mois convient.` } });
    fireEvent.click(envoyer);
    await screen.findByText('Pièce demandée : le demandeur est prévenu par courriel.');
    expect(recus).toEqual([{ type: 'justificatif_domicile', titulaire: 'demandeur', motif: `${MODELES_DEMANDE_PIECE[0]} Une facture de moins de 3 mois convient.` }]);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // The dossier reloaded: the line says since when, and offers the button no more.
    const l = await liste();
    const demandee = await within(l).findByText('Demandée le 02/11/2026');
    expect(demandee.getAttribute('title')).toContain('par Camille Martin');
    expect(await boutons()).toEqual(['Demander la pièce : Justificatif de ressources']);
  });

  it('UI-DEMANDER-PIECE: the server’s refusal (already asked) stays in the dialog, in French', async () => {
    afficher('conseiller', {
      post: () => HttpResponse.json(
        { status: 409, code: 'DEJA_DEMANDEE', detail: 'La pièce « justificatif de ressources » a déjà été demandée le 01/11/2026 et le demandeur ne l’a pas encore déposée.' },
        { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    });
    await boutons();
    fireEvent.click(screen.getByRole('button', { name: 'Demander la pièce : Justificatif de ressources' }));
    const dialogue = await screen.findByRole('dialog');
    fireEvent.change(within(dialogue).getByLabelText(/^Motif \(transmis au demandeur\)/), { target: { value: 'Bulletin illisible.' } });
    fireEvent.click(within(dialogue).getByRole('button', { name: 'Envoyer la demande' }));
    expect(await within(dialogue).findByText(/a déjà été demandée le 01\/11\/2026/)).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('UI-DEMANDER-PIECE: a manager (who does not instruct) sees the checklist without any « Demander la pièce »', async () => {
    afficher('manager');
    expect(await boutons()).toEqual([]);
  });
});
