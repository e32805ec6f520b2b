import { Box, Card, CardContent, Stack, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/** A titled card of the candidature page (a summary, the pieces, the history). */
export function Carte({ titre, action, children, sx }: { titre: string; action?: ReactNode; children: ReactNode; sx?: object }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined" component="section" sx={sx}>
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', gap: 1, mb: 1, minHeight: 30 }}>
          <Typography variant="overline" color="primary" component="h2" sx={{ fontWeight: 600, lineHeight: 1.5 }}>
            {translate(titre)}
          </Typography>
          {action}
        </Stack>
        {children}
      </CardContent>
    </Card>
  );
}

/** Labelled values side by side, wrapping on narrow screens. */
export const Grille = ({ children }: { children: ReactNode }) => (
  <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', columnGap: 2, rowGap: 1.5 }}>{children}</Box>
);
