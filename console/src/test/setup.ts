import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { forgetSession } from '@console/auth/session';
import { server } from './server';

/**
 * jsdom setup of the console project: msw intercepts every fetch (an unhandled request fails
 * the test), Testing Library unmounts after each test, and the browser APIs jsdom lacks and
 * MUI uses are stubbed.
 */
// The first render of a file loads react-admin and MUI: give async queries room on slow CI.
configure({ asyncUtilTimeout: 10_000 });

if (!window.matchMedia) {
  Object.defineProperty(window, 'matchMedia', {
    writable: true,
    value: (query: string): MediaQueryList => ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }),
  });
}

if (!window.scrollTo || String(window.scrollTo).includes('notImplemented')) {
  window.scrollTo = () => undefined;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  forgetSession();
  sessionStorage.clear();
  localStorage.clear();
});
afterAll(() => server.close());
