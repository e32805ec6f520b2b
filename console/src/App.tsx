import { Admin, CustomRoutes, Resource, localStorageStore, type Store } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './auth/authProvider';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './data/dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { paresseux } from './common/paresseux';
import { CONSERVATION_PATH } from './conservation/chemin';
import { JOBS_PATH } from './jobs/JobsMenuItem';
import { TRACES_PATH } from './traces/chemin';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { theme } from './layout/theme';
import { RESOURCE_VIEWS } from './resources';

export const TITLE = 'Plateforme logement — back-office';

// Pages beside the resources, each loaded when first opened (they concern admins and managers only).
const JobsPage = paresseux(() => import('./jobs/JobsPage').then((m) => m.JobsPage));
const ConservationPage = paresseux(() => import('./conservation/ConservationPage').then((m) => m.ConservationPage));
const TracesPage = paresseux(() => import('./traces/TracesPage').then((m) => m.TracesPage));

export interface AppProps {
  /** Tests pass a memoryStore so that list preferences do not leak between them. */
  store?: Store;
}

/**
 * The back-office console. Menu entries, list/show/create/edit pages and buttons appear only
 * when the agent's CASL ability allows them (authProvider.canAccess).
 */
export const App = ({ store = localStorageStore(undefined, 'als-console') }: AppProps) => (
  <Admin
    disableTelemetry
    requireAuth
    title={TITLE}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    dashboard={Dashboard}
    layout={Layout}
    loginPage={LoginPage}
    theme={theme}
    store={store}
  >
    {RESOURCE_VIEWS.map(({ name, views }) => (
      <Resource key={name} name={name} {...views} />
    ))}
    <CustomRoutes>
      <Route path={JOBS_PATH} element={<JobsPage />} />
      <Route path={CONSERVATION_PATH} element={<ConservationPage />} />
      <Route path={TRACES_PATH} element={<TracesPage />} />
    </CustomRoutes>
  </Admin>
);
