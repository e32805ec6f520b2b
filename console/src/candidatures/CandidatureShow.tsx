import { Show } from 'react-admin';
import { DossierPage } from './dossier/DossierPage';

/**
 * The candidature page: everything an advisor needs to instruct one dossier, on one screen (the
 * designation PDF button of the exports sits in its head, beside the actions).
 */
export const CandidatureShow = () => (
  <Show actions={false} component="div">
    <DossierPage />
  </Show>
);
