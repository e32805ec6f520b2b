import OpenIcon from '@mui/icons-material/OpenInNew';
import { Button, Stack, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { fichierUrl } from '@console/data/dataProvider';

/**
 * Opens the file in a new tab: a plain link, authenticated by the session cookie, so that the
 * browser's PDF viewer handles it. The server audits every read.
 */
export function FichierButton({ resource }: { resource: 'justificatifs' | 'exports'; label?: string | false; source?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const allowed = useCan('telecharger', resource);
  if (!record || !allowed) return null;
  // An export's file exists only once it is done: before (or after it expired) the button is disabled
  // and says why, instead of opening the API's problem+json in a new tab (issue #15).
  const indisponible = resource === 'exports' && record.statut !== 'termine';
  if (indisponible) {
    return (
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Button size="small" variant="outlined" startIcon={<OpenIcon />} disabled aria-describedby={`fichier-indisponible-${record.id}`}>
          {translate('app.fichier.telecharger')}
        </Button>
        <Typography id={`fichier-indisponible-${record.id}`} variant="caption" color="text.secondary">
          {translate(`app.fichier.indisponible.${String(record.statut)}`, { _: '' })}
        </Typography>
      </Stack>
    );
  }
  return (
    <Button
      size="small"
      variant="outlined"
      startIcon={<OpenIcon />}
      href={fichierUrl(resource, record.id)}
      target="_blank"
      rel="noopener noreferrer"
      onClick={(event) => event.stopPropagation()}
    >
      {translate(resource === 'exports' ? 'app.fichier.telecharger' : 'app.fichier.ouvrir')}
    </Button>
  );
}
