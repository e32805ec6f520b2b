export { JobsPage } from './JobsPage';
export { JobsMenuItem, JOBS_PATH } from './JobsMenuItem';
