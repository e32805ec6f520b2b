import { Typography } from '@mui/material';
import { useFieldValue, type FieldProps } from 'react-admin';
import { formatBytes, formatDateTime, formatDay, formatEuros, formatNumber, formatTelephone } from './format';

interface SourceProps extends FieldProps {
  source: string;
}

function Formatted({ source, format }: SourceProps & { format: (value: unknown) => string }) {
  const value = useFieldValue({ source });
  const text = format(value);
  return text ? (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {text}
    </Typography>
  ) : null;
}

/** An instant, fr-FR, Europe/Paris: « 12/03/2026 09:14 ». */
export const DateTimeField = ({ source }: SourceProps) => <Formatted source={source} format={formatDateTime} />;

/** A calendar day, fr-FR: « 12/03/2026 ». */
export const DayField = ({ source }: SourceProps) => <Formatted source={source} format={formatDay} />;

/** Euros, no cents: « 650 € ». */
export const EuroField = ({ source }: SourceProps) => <Formatted source={source} format={(v) => formatEuros(v)} />;

export const NumberText = ({ source }: SourceProps) => <Formatted source={source} format={formatNumber} />;

/** A French phone number in pairs: « 06 12 34 56 78 ». */
export const TelephoneField = ({ source }: SourceProps) => <Formatted source={source} format={formatTelephone} />;

/** A file size: « 312 Ko ». */
export const BytesField = ({ source }: SourceProps) => <Formatted source={source} format={formatBytes} />;
