import FolderZipIcon from '@mui/icons-material/FolderZip';
import { Button, type Identifier } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { API_URL } from '@console/data/httpClient';

/** Issue #15: the dossier's pieces in force as one ZIP (downloaded with the session cookie, audited by the server). */
export function PiecesZipButton({ candidatureId }: { candidatureId: Identifier }) {
  const peut = useCan('telecharger', 'justificatifs');
  if (!peut) return null;
  return (
    <Button label="app.traitement.dossier.piecesZip" component="a" href={`${API_URL}/candidatures/${candidatureId}/pieces.zip`} download>
      <FolderZipIcon />
    </Button>
  );
}
