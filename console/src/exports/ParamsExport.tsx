import { Box, Typography } from '@mui/material';
import { useGetOne, useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { formatDay } from '@console/common/format';
import { RecordLink } from '@console/common/links';
import { useCan } from '@console/common/useAbility';
import type { Export } from '@console/data/records';

function Bailleur({ id }: { id: Identifier }) {
  const canRead = useCan('read', 'bailleurs');
  const { data } = useGetOne<{ id: Identifier; nom: string }>('bailleurs', { id }, { enabled: canRead });
  return <RecordLink resource="bailleurs" id={id}>{data?.nom ?? `n° ${id}`}</RecordLink>;
}

/**
 * What an export was asked for, in words (issue #15): « Bailleur : Habitat Rhône », « Du 01/03/2026 au
 * 31/03/2026 », the SIRET, the candidature — never `bailleurId` / `from` / `to`.
 */
export function ParamsExport(_props: { source?: string; label?: string; className?: string }) {
  const record = useRecordContext<Export>();
  const translate = useTranslate();
  const p = (record?.params ?? {}) as Record<string, unknown>;
  if (!record) return null;
  const lignes: [string, React.ReactNode][] = [];
  if (p.bailleurId != null) lignes.push([translate('app.pilotage.exports.bailleur'), <Bailleur key="b" id={p.bailleurId as Identifier} />]);
  if (p.siret != null) lignes.push([translate('app.pilotage.exports.siret'), String(p.siret)]);
  if (p.candidatureId != null) {
    lignes.push([translate('app.pilotage.exports.candidature'), <RecordLink key="c" resource="candidatures" id={p.candidatureId as Identifier}>{`n° ${String(p.candidatureId)}`}</RecordLink>]);
  }
  if (p.from != null || p.to != null) lignes.push([translate('app.pilotage.exports.periode'), translate('app.pilotage.exports.duAu', { du: formatDay(p.from), au: formatDay(p.to) })]);
  return (
    <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
      {lignes.map(([cle, valeur]) => (
        <Box key={cle} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">{cle}</Typography>
          <Typography component="dd" variant="body2" sx={{ m: 0 }}>{valeur}</Typography>
        </Box>
      ))}
    </Box>
  );
}
