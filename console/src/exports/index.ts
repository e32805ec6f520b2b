import Icon from '@mui/icons-material/FileDownload';
import type { Export } from '../data/records';
import { ExportCreate } from './ExportCreate';
import { ExportList } from './ExportList';
import { ExportShow } from './ExportShow';

export const exportsResource = {
  list: ExportList,
  show: ExportShow,
  create: ExportCreate,
  icon: Icon,
  recordRepresentation: (record: Export) => record.nomFichier ?? `n° ${record.id}`,
};
