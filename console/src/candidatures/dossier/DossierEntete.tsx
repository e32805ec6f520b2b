import { Box, Card, CardContent, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { EnumField } from '../../common/EnumField';
import { formatDateTime } from '../../common/format';
import type { Dossier } from '../../data/instruction';
import { DossierDesignationButton } from '../../exports/DossierDesignationButton';
import { OffresSimilairesButton } from '../../propositions/OffresSimilairesButton';
import { ActionsCandidature } from '../actions/ActionsCandidature';
import { PalierField } from '../PalierField';
import type { CandidatureFile } from '../types';
import { NavigationDossiers } from './NavigationDossiers';

/**
 * The head of the candidature page: reference, status, rank with its explanation in words
 * (R-RANK-EXPLAIN), the way to the previous / next dossier, and the actions allowed now.
 */
export function DossierEntete({ record, dossier }: { record: CandidatureFile; dossier: Dossier | undefined }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
          <Box sx={{ minWidth: 0 }}>
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h1" sx={{ fontWeight: 600 }}>
                {record.reference}
              </Typography>
              <RecordContextProvider value={record}>
                <EnumField source="statut" enumName="statutCandidature" />
                {record.rang != null ? (
                  <Tooltip title={record.motifRang ?? ''}>
                    <Chip size="small" variant="outlined" color="primary" label={translate('app.traitement.dossier.rang', { rang: record.rang })} />
                  </Tooltip>
                ) : (
                  <Chip size="small" variant="outlined" label={translate('app.traitement.dossier.horsClassement')} />
                )}
                <PalierField />
              </RecordContextProvider>
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {record.motifRang ? `${record.motifRang.charAt(0).toUpperCase()}${record.motifRang.slice(1)}` : translate('app.traitement.dossier.candidature', { date: formatDateTime(record.dateCandidature) })}
              {record.motif ? ` · ${translate('app.traitement.dossier.motif', { motif: record.motif })}` : ''}
            </Typography>
          </Box>
          <Stack sx={{ gap: 1, alignItems: { md: 'flex-end' } }}>
            <NavigationDossiers record={record} />
            <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', justifyContent: { md: 'flex-end' } }}>
              <ActionsCandidature record={record} dossier={dossier} />
              <DossierDesignationButton />
              <OffresSimilairesButton />
            </Stack>
          </Stack>
        </Stack>
      </CardContent>
    </Card>
  );
}
