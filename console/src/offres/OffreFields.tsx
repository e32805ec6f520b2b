import { Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { formatEuros, formatNumber } from '@console/common/format';
import type { Offre } from '@console/data/records';

type Slot = { source?: string; label?: string; className?: string; sortable?: boolean };

function Range({ value, min, max, unit }: { value: number | null; min: number | null; max: number | null; unit: (v: unknown) => string }) {
  const translate = useTranslate();
  let text: string;
  if (value != null) text = unit(value);
  else if (min == null && max == null) text = '—';
  else if (min == null || max == null || min === max) text = unit(min ?? max);
  else text = translate('app.offres.fourchette', { min: unit(min), max: unit(max) });
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography>
  );
}

const m2 = (v: unknown) => `${formatNumber(v)} m²`;

/** The surface of an identified dwelling, or the range of a dwelling type. */
export function SurfaceField(_: Slot) {
  const r = useRecordContext<Offre>();
  return r ? <Range value={r.surface} min={r.surfaceMin} max={r.surfaceMax} unit={m2} /> : null;
}

/** The rent, or its range. */
export function LoyerField(_: Slot) {
  const r = useRecordContext<Offre>();
  return r ? <Range value={r.loyer} min={r.loyerMin} max={r.loyerMax} unit={(v) => formatEuros(v)} /> : null;
}

/** Income ceilings by household size: « 2 personnes : 27 000 € ». */
export function PlafondsField(_: Slot) {
  const r = useRecordContext<Offre>();
  const translate = useTranslate();
  const entries = Object.entries(r?.plafonds ?? {}).sort(([a], [b]) => Number(a) - Number(b));
  if (entries.length === 0) return <>{translate('app.offres.aucunPlafond')}</>;
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content max-content', columnGap: 2, fontSize: 13 }}>
      {entries.map(([taille, plafond]) => [
        <Box component="dt" key={`t${taille}`} sx={{ color: 'text.secondary' }}>
          {translate('app.offres.personnes', { smart_count: Number(taille) })}
        </Box>,
        <Box component="dd" key={`p${taille}`} sx={{ m: 0, textAlign: 'right' }}>
          {formatEuros(plafond)}
        </Box>,
      ])}
    </Box>
  );
}
