import OpenIcon from '@mui/icons-material/OpenInNew';
import { Button } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import { useCan } from '../common/useAbility';
import { fichierUrl } from '../data/dataProvider';

/**
 * Opens the file in a new tab: a plain link, authenticated by the session cookie, so that the
 * browser's PDF viewer handles it. The server audits every read.
 */
export function FichierButton({ resource }: { resource: 'justificatifs' | 'exports'; label?: string | false; source?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const allowed = useCan('telecharger', resource);
  if (!record || !allowed) return null;
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
