import { useCallback } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import type { AuditEvent } from '@console/data/records';

/** A code without its label spelt out: « effacer_motif » → « Effacer motif ». */
export function enMots(code: string): string {
  const mots = code.replace(/_/g, ' ');
  return `${mots.charAt(0).toUpperCase()}${mots.slice(1)}`;
}

/** An audit action in French words (« Prise en charge »), never its code; an unknown one is spelt out from it. */
export function useLibelleAction() {
  const translate = useTranslate();
  return useCallback((action: string) => translate(`app.traitement.historique.actions.${action}`, { _: enMots(action) }), [translate]);
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
