import { Chip } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';

/** A signal's score (0–100) as a chip: red from 80, orange from 50, grey below. */
export function ScoreField({ source }: FieldProps & { source: string }) {
  const value = useFieldValue({ source });
  if (value == null) return null;
  const n = Number(value);
  const color = n >= 80 ? 'error' : n >= 50 ? 'warning' : 'default';
  return <Chip size="small" label={n} color={color} variant={color === 'default' ? 'outlined' : 'filled'} sx={{ minWidth: 44, fontWeight: 600 }} />;
}
