import { render } from '@testing-library/react';
import { memoryStore, TestMemoryRouter } from 'react-admin';
import type { Role } from '@shared/domain/enums';
import { App } from '@console/App';
import { FIXTURES } from './fixtures';
import { agentDe, fixtureHandlers, sessionHandler } from './handlers';
import { server } from './server';

/**
 * The whole console at `path`, signed in as an agent of `role`: `handlers` answer first, then the
 * simple-rest resources from `fixtures` (one record each).
 */
export function renderAt(path: string, role: Role, o: { fixtures?: Record<string, { id: number }>; handlers?: Parameters<typeof server.use> } = {}) {
  server.use(sessionHandler(agentDe(role)), ...(o.handlers ?? []), ...fixtureHandlers(o.fixtures ?? FIXTURES));
  render(
    <TestMemoryRouter initialEntries={[path]}>
      <App store={memoryStore()} />
    </TestMemoryRouter>,
  );
}
