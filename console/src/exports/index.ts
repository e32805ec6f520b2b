import Icon from '@mui/icons-material/FileDownload';
import type { Export } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const exportsResource = {
  list: paresseux(() => import('./ExportList').then((m) => m.ExportList)),
  show: paresseux(() => import('./ExportShow').then((m) => m.ExportShow)),
  create: paresseux(() => import('./ExportCreate').then((m) => m.ExportCreate)),
  icon: Icon,
  recordRepresentation: (record: Export) => record.nomFichier ?? `n° ${record.id}`,
};
