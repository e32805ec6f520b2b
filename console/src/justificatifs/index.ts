import Icon from '@mui/icons-material/Description';
import type { Justificatif } from '../data/records';
import { JustificatifList } from './JustificatifList';
import { JustificatifShow } from './JustificatifShow';

export const justificatifs = {
  list: JustificatifList,
  show: JustificatifShow,
  icon: Icon,
  recordRepresentation: (record: Justificatif) => record.nomOriginal,
};
