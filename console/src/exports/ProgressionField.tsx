import { Box, LinearProgress, Typography } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Export } from '@console/data/records';

/** A small progress bar while the export runs, the percentage otherwise. */
export function ProgressionField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<Export>();
  if (!record) return null;
  const value = Math.max(0, Math.min(100, record.progression ?? 0));
  if (record.statut !== 'en_cours') return <Typography variant="body2">{value} %</Typography>;
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, minWidth: 120 }}>
      <LinearProgress variant="determinate" value={value} sx={{ flex: 1 }} />
      <Typography variant="caption">{value} %</Typography>
    </Box>
  );
}
