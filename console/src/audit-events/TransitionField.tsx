import { useRecordContext } from 'react-admin';
import type { AuditEvent } from '@console/data/records';

/** « deposee → en_instruction » (raw codes: the journal records them as they are). */
export function TransitionField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<AuditEvent>();
  if (!record || (!record.de && !record.vers)) return null;
  return (
    <>
      {record.de ?? '∅'} → {record.vers ?? '∅'}
    </>
  );
}
