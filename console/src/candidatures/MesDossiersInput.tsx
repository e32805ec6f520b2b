import { FormControlLabel, Switch } from '@mui/material';
import { useGetIdentity, useInput, useTranslate } from 'react-admin';

/** « Mes dossiers »: filters on the candidatures the signed-in agent has taken charge of. */
export function MesDossiersInput({ source }: { source: string; alwaysOn?: boolean }) {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const { field } = useInput({ source });
  const checked = identity != null && field.value != null && String(field.value) === String(identity.id);
  return (
    <FormControlLabel
      sx={{ mb: 1, ml: 0 }}
      control={<Switch size="small" checked={checked} onChange={(_, on) => field.onChange(on && identity ? identity.id : undefined)} />}
      label={translate('app.candidatures.mesDossiers')}
    />
  );
}
