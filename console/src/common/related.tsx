import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * Props of a related list placed in a ShowSection: SimpleShowLayout's Labeled wrapper reads
 * `label` and `className` (`full` spans the width); `source` is the record field holding the
 * key (default `id`).
 */
export interface RelatedSlot {
  label: string;
  className?: string;
  source?: string;
}

/** The French empty state of a related list (`resources.<name>.empty`). */
export function RelatedEmpty({ resource }: { resource: string }) {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate(`resources.${resource}.empty`)}
    </Typography>
  );
}
