import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** A template's French name (app.boiteEnvoi.templates), or its code when the catalogue has none. */
export function libelleTemplate(translate: (key: string, options?: object) => string, code: string): string {
  return translate(`app.boiteEnvoi.templates.${code}`, { _: code });
}

export function TemplateField({ source }: FieldProps & { source: string }) {
  const translate = useTranslate();
  const value = useFieldValue({ source });
  if (value == null || value === '') return null;
  return (
    <Typography component="span" variant="body2">
      {libelleTemplate(translate, String(value))}
    </Typography>
  );
}
