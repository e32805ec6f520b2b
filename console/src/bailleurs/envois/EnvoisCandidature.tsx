import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Carte } from '@console/candidatures/dossier/Carte';
import type { CandidatureFile } from '@console/candidatures/types';
import { DecisionBailleur, SuiviEnvois } from './SuiviEnvois';
import { useEnvoisCandidature } from './useEnvois';

const CONCERNEES = ['transmise_bailleur', 'attribuee', 'non_retenue'];

/** The candidature page's « Bailleur » card: its decision if it answered, then every envoi and what became of it. */
export function EnvoisCandidature({ record }: { record: CandidatureFile }) {
  const translate = useTranslate();
  const { data } = useEnvoisCandidature(record.id);
  if (!data || (data.envois.length === 0 && !data.decision && !CONCERNEES.includes(record.statut))) return null;
  return (
    <Carte titre="app.envois.titre">
      <Stack spacing={1.5}>
        {data.decision ? (
          <DecisionBailleur decision={data.decision} />
        ) : (
          record.statut === 'transmise_bailleur' && (
            <Typography variant="body2" color="text.secondary">
              {translate('app.envois.enAttente')}
            </Typography>
          )
        )}
        <SuiviEnvois envois={data.envois} avecCandidatures={false} />
      </Stack>
    </Carte>
  );
}
