import { useTranslate } from 'react-admin';

/** « aucune candidature clôturée », « 1 candidature clôturée », « 3 candidatures clôturées »: a count in words, never « candidature(s) ». */
export function useCompteCandidaturesCloturees() {
  const translate = useTranslate();
  return (n: number) => (n === 0 ? translate('app.comptes.candidaturesCloturees.zero') : translate('app.comptes.candidaturesCloturees.n', { smart_count: n }));
}
