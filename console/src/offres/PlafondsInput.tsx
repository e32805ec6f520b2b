import { Box, TextField as MuiTextField, Typography } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';

const TAILLES = ['1', '2', '3', '4', '5', '6'];

/**
 * Plafonds de ressources by household size, stored as `{ "1": 20000, "2": 27000 }`. A custom
 * input because react-hook-form would read `plafonds.1` as an array index.
 */
export function PlafondsInput({ source = 'plafonds' }: { source?: string }) {
  const translate = useTranslate();
  const { field } = useInput<Record<string, number>>({ source, defaultValue: {} });
  const value: Record<string, number> = field.value ?? {};
  const tailles = [...new Set([...TAILLES, ...Object.keys(value)])].sort((a, b) => Number(a) - Number(b));

  const change = (taille: string, raw: string) => {
    const next = { ...value };
    if (raw === '') delete next[taille];
    else next[taille] = Math.max(0, Math.round(Number(raw)));
    field.onChange(next);
  };

  return (
    <Box sx={{ width: '100%', mb: 2 }}>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('resources.offres.fields.plafonds')}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 1.5 }}>
        {tailles.map((taille) => (
          <MuiTextField
            key={taille}
            type="number"
            size="small"
            label={translate('app.offres.personnes', { smart_count: Number(taille) })}
            value={value[taille] ?? ''}
            onChange={(event) => change(taille, event.target.value)}
            onBlur={field.onBlur}
            slotProps={{ htmlInput: { min: 0, step: 100 }, input: { endAdornment: '€' } }}
          />
        ))}
      </Box>
    </Box>
  );
}
