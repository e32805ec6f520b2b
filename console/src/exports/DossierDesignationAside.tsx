import { Box } from '@mui/material';
import { DossierDesignationButton } from './DossierDesignationButton';

/** The candidature page's aside (console/src/candidatures/CandidatureShow.tsx): the designation file button. */
export const DossierDesignationAside = () => (
  <Box sx={{ ml: 2, minWidth: 220, pt: 1 }}>
    <DossierDesignationButton />
  </Box>
);
