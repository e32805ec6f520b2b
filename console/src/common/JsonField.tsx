import { Box } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A small JSON object (preuves, params, details) as key: value lines. */
export function JsonField({ source }: FieldProps & { source: string }) {
  const value = useFieldValue({ source });
  if (value == null || typeof value !== 'object' || Object.keys(value).length === 0) return null;
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.25, fontSize: 13 }}>
      {Object.entries(value as Record<string, unknown>).map(([key, v]) => [
        <Box component="dt" key={`k-${key}`} sx={{ color: 'text.secondary' }}>
          {key}
        </Box>,
        <Box component="dd" key={`v-${key}`} sx={{ m: 0, wordBreak: 'break-word' }}>
          {typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? '—')}
        </Box>,
      ])}
    </Box>
  );
}
