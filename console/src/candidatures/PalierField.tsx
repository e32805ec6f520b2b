import { Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { DECALAGE_HORS_PUBLIC_CIBLE } from '@shared/rules/classement';
import type { Candidature } from '@console/data/records';

const COLORS = ['success', 'info', 'default'] as const;

/**
 * The R-RANK tier as a small chip: 1 to 3, marked « hors public cible » (encoded 11 to 13) when
 * the demande is outside the target groups. The words are in the « Explication du rang » column.
 */
export function PalierField(_props: { source?: string; label?: string }) {
  const record = useRecordContext<Candidature>();
  const translate = useTranslate();
  const palier = Number(record?.palier);
  if (!record || record.palier == null || !Number.isFinite(palier)) return null;
  const hors = palier > DECALAGE_HORS_PUBLIC_CIBLE;
  const tier = palier % DECALAGE_HORS_PUBLIC_CIBLE;
  const label = translate(hors ? 'app.candidatures.palierHorsPublic' : 'app.candidatures.palier', { n: tier });
  return (
    <Tooltip title={record.motifRang ?? ''}>
      <Chip size="small" label={label} color={COLORS[tier - 1] ?? 'default'} variant={hors ? 'outlined' : 'filled'} />
    </Tooltip>
  );
}
