import { Box } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabelKey, ENUMS, type EnumName } from '@console/common/enums';
import { formatDateTime, formatDay } from '@console/common/format';
import { useNomAgent } from '@console/common/links';
import { useLibelleAction } from './ActionAuditField';

/** Keys of `details` that hold an agent's id: shown by name (GET /api/agents/noms). */
const AGENTS = new Set(['precedentInactif', 'agentId']);
/** Keys of `details` that hold an action code (« prise_dossier … par: instruire »). */
const ACTIONS = new Set(['par']);
/** Keys whose value is one of a few codes with their own words in the catalogue. */
const VALEURS = new Set(['via', 'ordre']);
/** Enums a coded value may belong to, by key (`type` is a piece's or a suspension's). */
const ENUM_DE: Partial<Record<string, EnumName[]>> = {
  type: ['typeJustificatif', 'typeSuspension', 'typeSignalement'],
  titulaire: ['titulaire'],
  kind: ['typeExport'],
  origine: ['origineCandidature'],
};
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_JOUR = /^\d{4}-\d{2}-\d{2}$/;

function NomAgentDetail({ id }: { id: unknown }) {
  const nom = useNomAgent(typeof id === 'number' || typeof id === 'string' ? id : null);
  return <span title={`n° ${String(id)}`}>{nom ?? `n° ${String(id)}`}</span>;
}

function ValeurDetail({ cle, valeur }: { cle: string; valeur: unknown }) {
  const translate = useTranslate();
  const libelleAction = useLibelleAction();
  if (valeur == null || valeur === '') return <>—</>;
  if (AGENTS.has(cle)) return <NomAgentDetail id={valeur} />;
  if (typeof valeur === 'boolean') return <>{translate(`ra.boolean.${valeur}`)}</>;
  if (typeof valeur === 'string') {
    if (ACTIONS.has(cle)) return <span title={valeur}>{libelleAction(valeur)}</span>;
    if (VALEURS.has(cle)) return <span title={valeur}>{translate(`resources.audit-events.valeurs.${cle}.${valeur}`, { _: valeur })}</span>;
    const enumName = ENUM_DE[cle]?.find((e) => (ENUMS[e] as readonly string[]).includes(valeur));
    if (enumName) return <span title={valeur}>{translate(enumLabelKey(enumName, valeur))}</span>;
    if (ISO_JOUR.test(valeur)) return <>{formatDay(valeur)}</>;
    if (ISO_INSTANT.test(valeur)) return <>{formatDateTime(valeur)}</>;
    return <>{valeur}</>;
  }
  if (Array.isArray(valeur) && valeur.every((v) => typeof v !== 'object' || v === null)) return <>{valeur.map(String).join(', ') || '—'}</>;
  if (typeof valeur === 'object') return <>{JSON.stringify(valeur)}</>;
  return <>{String(valeur)}</>;
}

/**
 * An audit event's `details` in words (issue #15): French keys (« Agent précédent (inactif) »
 * rather than `precedentInactif`), an agent by name, an action or a status by its label, dates
 * dd/mm/yyyy hh:mm in Paris, yes/no. The raw key stays in the tooltip.
 */
export function DetailsAuditField({ source }: FieldProps & { source: string }) {
  const translate = useTranslate();
  const value = useFieldValue({ source });
  if (value == null || typeof value !== 'object' || Object.keys(value).length === 0) return null;
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.25, fontSize: 13 }}>
      {Object.entries(value as Record<string, unknown>).map(([cle, v]) => [
        <Box component="dt" key={`k-${cle}`} sx={{ color: 'text.secondary' }} title={cle}>
          {translate(`resources.audit-events.details.${cle}`, { _: cle })}
        </Box>,
        <Box component="dd" key={`v-${cle}`} sx={{ m: 0, wordBreak: 'break-word' }}>
          <ValeurDetail cle={cle} valeur={v} />
        </Box>,
      ])}
    </Box>
  );
}
