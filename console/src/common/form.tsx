import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled group of inputs in a form. */
export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1, width: '100%' }}>
      <Typography component="legend" variant="overline" color="primary" sx={{ fontWeight: 600 }}>
        {translate(title)}
      </Typography>
      {children}
    </Box>
  );
}

/** Inputs side by side, wrapping on narrow screens. */
export const FormRow = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2, width: '100%', '& > *': { flex: '1 1 180px' } }}>{children}</Box>
);

/** A number input left empty → null (not 0, not ''). */
export const parseNullableNumber = (value: string | number | null | undefined): number | null =>
  value === '' || value == null ? null : Number(value);
