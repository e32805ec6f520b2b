import { render, screen, waitFor } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { RESOURCES, type ResourceName, type Role } from '@shared/domain/enums';
import { App } from '@console/App';
import { dossierPour, instructionHandlers } from '@console/candidatures/test/handlers';
import type { Candidature } from '@console/data/records';
import { frMessages } from '@console/i18n/i18nProvider';
import { FIXTURES } from './fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from './handlers';
import { server } from './server';

/** A role that may read each resource. */
const READER: Record<ResourceName, Role> = {
  candidatures: 'controle_fraude', demandes: 'controle_fraude', demandeurs: 'controle_fraude', justificatifs: 'controle_fraude',
  propositions: 'controle_fraude', suspensions: 'controle_fraude', signalements: 'controle_fraude', 'audit-events': 'controle_fraude',
  offres: 'manager', programmes: 'admin', bailleurs: 'admin', entreprises: 'admin', exports: 'manager', notifications: 'admin', agents: 'admin',
};

/** A translation key left on screen (« resources.offres.fields.x », « app.sections.y »…). */
const UNTRANSLATED = /\b(resources|app|enums|ra)\.[a-z_-]+\.[a-zA-Z_.]+/;

/** Every French label of the catalogues: a header or label outside it is a humanised source name. */
const flatten = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? v.split(' |||| ') : flatten(v as object)));
const CATALOGUE = new Set(flatten(frMessages));

function expectLabelsFromCatalogue(selector: string) {
  const labels = [...document.querySelectorAll(selector)].map((el) => el.textContent?.replace(/\s*\*$/, '').trim()).filter(Boolean);
  expect(labels.length).toBeGreaterThan(0);
  expect(labels.filter((label) => !CATALOGUE.has(label!))).toEqual([]);
}

function renderAt(path: string, role: Role) {
  // The candidature page also reads its dossier, history and notes (routes beside simple-rest).
  const dossier = () => dossierPour(FIXTURES.candidatures as Candidature, agentDe(role));
  server.use(sessionHandler(agentDe(role)), ...instructionHandlers({ dossier }), ...fixtureHandlers(FIXTURES));
  render(
    <TestMemoryRouter initialEntries={[path]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}

describe.each(RESOURCES)('%s pages', (resource) => {
  it('list: shows the fixture row, everything translated', async () => {
    renderAt(`/${resource}`, READER[resource]);
    // The pagination says « 1-1 sur 1 » once the fixture row is displayed.
    await screen.findByText(/1-1 sur 1/);
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
    expect(screen.queryByText(/Aucun résultat|Pas encore/)).toBeNull();
    expectLabelsFromCatalogue('thead th');
  });

  it('show: renders the record, everything translated', async () => {
    renderAt(`/${resource}/${FIXTURES[resource].id}/show`, READER[resource]);
    await waitFor(() => expect(document.querySelectorAll('.RaLabeled-label').length).toBeGreaterThan(2));
    // Let the references and related lists answer too.
    await waitFor(() => expect(document.querySelector('.MuiLinearProgress-root, .RaReferenceField-loading')).toBeNull());
    expect(document.body.textContent).not.toMatch(UNTRANSLATED);
    expectLabelsFromCatalogue('.RaLabeled-label');
  });
});
