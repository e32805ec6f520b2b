import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent } from '@console/data/records';

/** An audit action in French words (« Prise en charge »), never its code; an unknown one is spelt out from it. */
export function useLibelleAction() {
  const translate = useTranslate();
  return (action: string) => {
    const mots = action.replace(/_/g, ' ');
    return translate(`app.traitement.historique.actions.${action}`, { _: `${mots.charAt(0).toUpperCase()}${mots.slice(1)}` });
  };
}

export function ActionAuditField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<AuditEvent>();
  const libelle = useLibelleAction();
  if (!record) return null;
  return <span title={record.action}>{libelle(record.action)}</span>;
}

/** Who acted, by name (« Marie Durand », the bailleur's name, « Demandeur », « Système »). */
export function ActeurAuditField(_props: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<AuditEvent>();
  if (!record) return null;
  return <span>{record.acteurNom ?? (record.acteurId != null ? `n° ${record.acteurId}` : '—')}</span>;
}
