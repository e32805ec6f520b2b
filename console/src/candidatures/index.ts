import Icon from '@mui/icons-material/AssignmentInd';
import type { Candidature } from '@console/data/records';
import { paresseux } from '@console/common/paresseux';

export const candidatures = {
  list: paresseux(() => import('./CandidatureList').then((m) => m.CandidatureList)),
  show: paresseux(() => import('./CandidatureShow').then((m) => m.CandidatureShow)),
  icon: Icon,
  recordRepresentation: (record: Candidature) => record.reference,
};
