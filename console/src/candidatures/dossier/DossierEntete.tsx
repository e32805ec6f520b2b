import { Box, Card, CardContent, Chip, Stack, Tooltip, Typography } from '@mui/material';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { EnumField } from '@console/common/EnumField';
import { formatDateTime } from '@console/common/format';
import type { Dossier } from '@console/data/instruction';
import { EnvoyerBailleurButton } from '@console/bailleurs/envois/EnvoyerBailleurButton';
import { DossierDesignationButton } from '@console/exports/DossierDesignationButton';
import { OffresSimilairesButton } from '@console/propositions/OffresSimilairesButton';
import { ActionsCandidature } from '@console/candidatures/actions/ActionsCandidature';
import { RaisonDesignation } from '@console/candidatures/actions/DesignerButton';
import { PalierField } from '@console/candidatures/PalierField';
import type { CandidatureFile } from '@console/candidatures/types';
import { SignalerFraudeButton } from '@console/signalements/SignalerFraudeButton';
import { PiecesZipButton } from '@console/justificatifs/PiecesZipButton';
import { TraiterSuivantFile } from '@console/candidatures/file/TraiterSuivantButton';
import { ModifieDepuisVisiteChip, SuivreButton, useVisite } from '@console/candidatures/suivi/Suivi';
import { NavigationDossiers } from './NavigationDossiers';

/**
 * The head of the candidature page: reference, status, rank with its explanation in words
 * (R-RANK-EXPLAIN), « Suivre » and « modifié depuis votre dernière visite » (UI-SUIVI), the way to
 * the previous / next dossier, and the actions allowed now.
 */
export function DossierEntete({ record, dossier }: { record: CandidatureFile; dossier: Dossier | undefined }) {
  const translate = useTranslate();
  const visite = useVisite(record.id, dossier);
  return (
    <Card variant="outlined">
      <CardContent sx={{ '&:last-child': { pb: 2 } }}>
        <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}>
          <Box sx={{ minWidth: 0 }}>
            <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
              <Typography variant="h6" component="h2" sx={{ fontWeight: 600 }}>
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
              {visite.modifie && <ModifieDepuisVisiteChip vuLe={visite.vuLe} />}
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
              {record.motifRang ? `${record.motifRang.charAt(0).toUpperCase()}${record.motifRang.slice(1)}` : translate('app.traitement.dossier.candidature', { date: formatDateTime(record.dateCandidature) })}
              {record.motif ? ` · ${translate('app.traitement.dossier.motif', { motif: record.motif })}` : ''}
            </Typography>
          </Box>
          <Stack sx={{ gap: 1, alignItems: { md: 'flex-end' } }}>
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
              <SuivreButton id={record.id} suivi={visite.suivi} disabled={!dossier} />
              <NavigationDossiers record={record} />
              <TraiterSuivantFile />
            </Stack>
            <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', justifyContent: { md: 'flex-end' } }}>
              <ActionsCandidature record={record} dossier={dossier} />
              {record.statut === 'transmise_bailleur' && <EnvoyerBailleurButton source="candidatures" id={record.id} />}
              <DossierDesignationButton />
              <OffresSimilairesButton />
              <PiecesZipButton candidatureId={record.id} />
              <SignalerFraudeButton candidatureId={record.id} />
            </Stack>
          </Stack>
        </Stack>
        {dossier?.designation && !dossier.designation.possible && dossier.actionsPossibles.includes('designer') && (
          <Box sx={{ mt: 1.5 }}>
            <RaisonDesignation id="raison-designation" designation={dossier.designation} />
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
