import { Box, Stack, Typography } from '@mui/material';
import { Labeled, RecordContextProvider, useGetOne, useTranslate } from 'react-admin';
import { EnumField } from '@console/common/EnumField';
import { RecordLink, SafeReferenceField } from '@console/common/links';
import type { Offre } from '@console/data/records';
import { ClassementButton } from '@console/offres/ClassementButton';
import { LoyerField, SurfaceField } from '@console/offres/OffreFields';
import type { CandidatureFile } from '@console/candidatures/types';
import { Carte, Grille } from './Carte';

/** The offer applied to: what the dwelling is, its rules (nature, reglementation) and landlord. */
export function OffreResume({ record }: { record: CandidatureFile }) {
  const translate = useTranslate();
  const { data: offre } = useGetOne<Offre>('offres', { id: record.offreId });
  return (
    <Carte
      titre="app.traitement.dossier.offre"
      action={
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          {offre && (
            <RecordContextProvider value={offre}>
              <ClassementButton />
            </RecordContextProvider>
          )}
          <RecordLink resource="offres" id={record.offreId}>
            {translate('app.traitement.dossier.voirOffre')}
          </RecordLink>
        </Stack>
      }
    >
      <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600, mb: 1 }}>
        {record.offreReference}
        {offre && (
          <Typography component="span" variant="body2" color="text.secondary">
            {' — '}
            {offre.titre}
          </Typography>
        )}
      </Typography>
      {offre && (
        <RecordContextProvider value={offre}>
          <Grille>
            <Labeled label="resources.offres.fields.nature">
              <Box>
                <EnumField source="nature" enumName="natureOffre" />
              </Box>
            </Labeled>
            <Labeled label="resources.offres.fields.reglementation">
              <EnumField source="reglementation" enumName="reglementation" />
            </Labeled>
            <Labeled label="resources.offres.fields.typologie">
              <EnumField source="typologie" enumName="typologie" />
            </Labeled>
            <Labeled label="resources.offres.fields.surface">
              <SurfaceField />
            </Labeled>
            <Labeled label="app.traitement.dossier.loyer">
              <LoyerField />
            </Labeled>
            <Labeled label="resources.offres.fields.nombreLogements">
              <Typography variant="body2">{offre.nombreLogements}</Typography>
            </Labeled>
            <Labeled label="resources.offres.fields.commune">
              <Typography variant="body2">{offre.commune}</Typography>
            </Labeled>
            <Labeled label="app.traitement.dossier.bailleur">
              <SafeReferenceField source="bailleurId" reference="bailleurs" />
            </Labeled>
          </Grille>
        </RecordContextProvider>
      )}
    </Carte>
  );
}
