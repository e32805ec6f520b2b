import { useRecordContext, useTranslate } from 'react-admin';
import { enumLabelKey, type EnumName } from '@console/common/enums';
import type { AuditEvent } from '@console/data/records';
import { enMots } from './ActionAuditField';

/** The status enum of each journalled entity, for `de` / `vers` in words. */
const STATUT_DE: Partial<Record<string, EnumName>> = {
  candidature: 'statutCandidature',
  demande: 'statutDemande',
  demandeur: 'statutCompte',
  justificatif: 'statutJustificatif',
  proposition: 'statutProposition',
  signalement: 'statutSignalement',
  export: 'statutExport',
  notification: 'statutNotification',
};

/** A journalled status in words (« En instruction »), from the entity's status enum; an unknown code is spelt out. */
export function useLibelleStatut() {
  const translate = useTranslate();
  return (entite: string, code: string | null | undefined): string => {
    if (code == null || code === '') return '—';
    const repli = enMots(code);
    const enumName = STATUT_DE[entite];
    return enumName ? translate(enumLabelKey(enumName, code), { _: repli }) : repli;
  };
}

/** « Déposée → En instruction »: the statuses in words, the codes in the tooltip. */
export function TransitionField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<AuditEvent>();
  const libelle = useLibelleStatut();
  if (!record || (!record.de && !record.vers)) return null;
  return (
    <span title={`${record.de ?? '∅'} → ${record.vers ?? '∅'}`}>
      {record.de ? libelle(record.entite, record.de) : '∅'} → {record.vers ? libelle(record.entite, record.vers) : '∅'}
    </span>
  );
}

/** One side of a transition (`de` or `vers`) in words, on the event's page. */
export function StatutAuditField({ source }: { source: 'de' | 'vers'; label?: string }) {
  const record = useRecordContext<AuditEvent>();
  const libelle = useLibelleStatut();
  if (!record) return null;
  const code = record[source];
  return <span title={code ?? undefined}>{libelle(record.entite, code)}</span>;
}

/** The entity in words (« Candidature »), its code in the tooltip. */
export function EntiteAuditField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<AuditEvent>();
  const translate = useTranslate();
  if (!record) return null;
  return <span title={record.entite}>{translate(`resources.audit-events.entites.${record.entite}`, { _: record.entite })}</span>;
}
