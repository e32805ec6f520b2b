import { LinearProgress, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import type { Offre } from '@console/data/records';
import { EnvoyerBailleurButton } from './EnvoyerBailleurButton';
import { SuiviEnvois } from './SuiviEnvois';
import { useEnvoisOffre } from './useEnvois';

/** The offer's « Envois au bailleur » tab: send every transmitted candidature at once, then follow each envoi. */
export function EnvoisOffre() {
  const offre = useRecordContext<Offre>();
  const { data } = useEnvoisOffre(offre?.id);
  if (!offre) return null;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
        <EnvoyerBailleurButton source="offres" id={offre.id} variant="contained" />
      </Stack>
      {data ? <SuiviEnvois envois={data.envois} avecCandidatures /> : <LinearProgress />}
    </Stack>
  );
}
