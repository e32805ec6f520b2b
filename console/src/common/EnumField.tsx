import { Chip, Stack, Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';
import { enumLabelKey, type EnumName } from './enums';
import { colorFor, hasChip } from './statusColors';

export interface EnumFieldProps extends FieldProps {
  source: string;
  enumName: EnumName;
}

function EnumLabel({ enumName, value }: { enumName: EnumName; value: string }) {
  const translate = useTranslate();
  const label = translate(enumLabelKey(enumName, value), { _: value });
  if (!hasChip(enumName)) {
    return (
      <Typography component="span" variant="body2">
        {label}
      </Typography>
    );
  }
  return <Chip size="small" label={label} color={colorFor(enumName, value)} variant={colorFor(enumName, value) === 'default' ? 'outlined' : 'filled'} />;
}

/** A domain enum value: a coloured chip for statuses (see statusColors.ts), a French label otherwise. */
export function EnumField({ source, enumName }: EnumFieldProps) {
  const value = useFieldValue({ source });
  if (value == null || value === '') return null;
  return <EnumLabel enumName={enumName} value={String(value)} />;
}

/** An array of enum values (situations prioritaires…) as small outlined chips. */
export function EnumArrayField({ source, enumName }: EnumFieldProps) {
  const translate = useTranslate();
  const value = useFieldValue({ source });
  if (!Array.isArray(value) || value.length === 0) return null;
  return (
    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5 }}>
      {value.map((v: string) => (
        <Chip key={v} size="small" variant="outlined" label={translate(enumLabelKey(enumName, v), { _: v })} />
      ))}
    </Stack>
  );
}
