import { Alert, Box, Chip, LinearProgress, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useWatch } from 'react-hook-form';
import { verifierDureeSuspension } from '@shared/rules/suspension';
import type { TypeSuspension } from '@shared/domain/enums';
import { RecordLink } from '@console/common/links';
import { formatDay } from '@console/common/format';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { ApercuSuspension } from '@console/data/records';

/** The form values the preview depends on. */
export function useParametresSuspension() {
  const [demandeurId, dureeMois, type] = useWatch({ name: ['demandeurId', 'dureeMois', 'type'] }) as [number | null, number | null, TypeSuspension | null];
  const valide = demandeurId != null && dureeMois != null && type != null && verifierDureeSuspension(Number(dureeMois)).ok;
  return { demandeurId, dureeMois: Number(dureeMois), type: type ?? 'fraude', valide };
}

/** GET /api/suspensions/apercu for the current form values (only when they are valid). */
export function useApercuSuspension() {
  const dataProvider = useAppDataProvider();
  const p = useParametresSuspension();
  const query = useQuery({
    queryKey: ['suspensions', 'apercu', p.demandeurId, p.dureeMois, p.type],
    queryFn: async () => (await dataProvider.apercuSuspension({ demandeurId: p.demandeurId!, dureeMois: p.dureeMois, type: p.type })).data,
    enabled: p.valide,
    staleTime: 0,
  });
  return { ...query, valide: p.valide };
}

/**
 * R-SUSP: what the suspension will do, shown before the confirm button — the period, the
 * demande closed, each open candidature closed (with its reference), récidive, or why it would be
 * refused (already suspended).
 */
export function ApercuEffets({ apercu, chargement, valide }: { apercu: ApercuSuspension | undefined; chargement: boolean; valide: boolean }) {
  const translate = useTranslate();
  return (
    <Box component="section" aria-labelledby="apercu-titre" sx={{ width: '100%', border: 1, borderColor: 'divider', borderRadius: 1, p: 2, my: 1 }}>
      <Typography id="apercu-titre" variant="overline" color="primary" sx={{ fontWeight: 600 }}>
        {translate('app.fraude.suspension.apercuTitre')}
      </Typography>
      {!valide && <Typography variant="body2" color="text.secondary">{translate('app.fraude.suspension.apercuChoisir')}</Typography>}
      {valide && chargement && <LinearProgress aria-label={translate('app.fraude.suspension.apercuChargement')} />}
      {valide && apercu && <Effets apercu={apercu} />}
    </Box>
  );
}

function Effets({ apercu }: { apercu: ApercuSuspension }) {
  const translate = useTranslate();
  if (apercu.dejaSuspendu) {
    return <Alert severity="error">{translate('app.fraude.suspension.dejaSuspendu', { date: formatDay(apercu.suspenduJusquAu) })}</Alert>;
  }
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('app.fraude.suspension.periode', { debut: formatDay(apercu.debut), fin: formatDay(apercu.fin), duree: apercu.dureeMois })}
      </Typography>
      {apercu.recidive && <Alert severity="warning">{translate('app.fraude.suspension.recidive', { smart_count: apercu.suspensionsAnterieures })}</Alert>}
      <Typography variant="body2">
        {apercu.demande
          ? translate('app.fraude.suspension.demande', { reference: apercu.demande.reference, motif: translate(`enums.motifCloture.${apercu.type}`) })
          : translate('app.fraude.suspension.aucuneDemande')}
      </Typography>
      <Typography variant="body2">
        {apercu.nombreCandidatures > 0
          ? translate('app.fraude.suspension.candidatures', { smart_count: apercu.nombreCandidatures })
          : translate('app.fraude.suspension.aucuneCandidature')}
      </Typography>
      {apercu.nombreCandidatures > 0 && (
        <List dense disablePadding aria-label={translate('app.fraude.suspension.candidatures', { smart_count: apercu.nombreCandidatures })}>
          {apercu.candidatures.map((c) => (
            <ListItem key={c.id} disableGutters sx={{ py: 0 }}>
              <ListItemText
                primary={
                  <>
                    <RecordLink resource="candidatures" id={c.id}>{c.reference}</RecordLink> — {c.offreReference} ({c.departement}){' '}
                    <Chip size="small" variant="outlined" label={translate(`enums.statutCandidature.${c.statut}`)} />
                  </>
                }
              />
            </ListItem>
          ))}
        </List>
      )}
      <Typography variant="caption" color="text.secondary">{translate('app.fraude.suspension.notification')}</Typography>
    </Box>
  );
}
