import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { SimpleShowLayout, useTranslate } from 'react-admin';

/**
 * A titled block of labelled fields laid out in a dense grid. A child with the class `full`
 * spans the whole width (long texts, related lists).
 */
export function ShowSection({ title, children }: { title?: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ px: 2, pt: 1.5, pb: 0.5 }}>
      {title && (
        <Typography variant="overline" color="primary" component="h2" sx={{ fontWeight: 600 }}>
          {translate(title)}
        </Typography>
      )}
      <SimpleShowLayout
        spacing={0}
        sx={{
          p: 0,
          '& .RaSimpleShowLayout-stack': {
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))',
            columnGap: 3,
            rowGap: 1.5,
          },
          '& .RaSimpleShowLayout-row.full': { gridColumn: '1 / -1' },
        }}
      >
        {children}
      </SimpleShowLayout>
    </Box>
  );
}
