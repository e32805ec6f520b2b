import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { Labeled, useGetOne, useTranslate } from 'react-admin';
import { enumLabelKey } from '@console/common/enums';
import { formatDay, formatEuros } from '@console/common/format';
import { nomPrenom, RecordLink } from '@console/common/links';
import type { Dossier } from '@console/data/instruction';
import type { Demande } from '@console/data/records';
import type { CandidatureFile } from '@console/candidatures/types';
import { AccompagnementButton } from '@console/demandes/AccompagnementButton';
import { Carte, Grille } from './Carte';

/** The flags an advisor must not miss: suspension, contrôle renforcé, R-REAPPLY, accompaniment. */
function Drapeaux({ dossier, demande }: { dossier: Dossier; demande?: Demande }) {
  const translate = useTranslate();
  const chips = [
    dossier.suspenduJusquAu && <Chip key="s" size="small" color="error" label={translate('app.traitement.dossier.suspendu', { date: formatDay(dossier.suspenduJusquAu) })} />,
    dossier.controleRenforce && <Chip key="c" size="small" color="warning" label={translate('app.traitement.dossier.controleRenforce')} />,
    dossier.signaleReattribution && <Chip key="r" size="small" color="info" label={translate('app.traitement.dossier.reattribution')} />,
    demande?.accompagneServiceSalariesEnDifficulte && <Chip key="a" size="small" variant="outlined" label={translate('app.traitement.dossier.accompagne')} />,
  ].filter(Boolean);
  return chips.length ? <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap', mb: 1.5 }}>{chips}</Stack> : null;
}

/** Revenus against the offer's plafond, with the eligibility result (R-ELIG) and its reasons. */
function Ressources({ dossier }: { dossier: Dossier }) {
  const translate = useTranslate();
  const { eligible, raisons, plafond, revenuFiscalReference } = dossier.eligibilite;
  const ratio = plafond ? Math.round((revenuFiscalReference / plafond) * 100) : null;
  return (
    <>
      <Labeled label="app.traitement.dossier.revenus">
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {formatEuros(revenuFiscalReference)}
        </Typography>
      </Labeled>
      <Labeled label="app.traitement.dossier.plafond">
        <Typography variant="body2">{plafond != null ? formatEuros(plafond) : translate('app.traitement.dossier.sansPlafond')}</Typography>
      </Labeled>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5 }}>
          <Chip size="small" color={eligible ? 'success' : 'error'} label={translate(eligible ? 'app.traitement.dossier.eligible' : 'app.traitement.dossier.nonEligible')} />
          {ratio != null && (
            <Box sx={{ flex: 1, height: 6, borderRadius: 3, maxWidth: 320, bgcolor: 'action.hover', overflow: 'hidden' }} role="presentation">
              <Box sx={{ height: 1, width: `${Math.min(100, ratio)}%`, bgcolor: eligible ? 'success.main' : 'error.main' }} />
            </Box>
          )}
          {ratio != null && (
            <Typography variant="caption" color="text.secondary">
              {ratio} %
            </Typography>
          )}
        </Stack>
        {raisons.length > 0 && (
          <Alert severity="error" sx={{ mt: 1, py: 0 }}>
            {raisons.map((r) => (
              <div key={r}>{r}</div>
            ))}
          </Alert>
        )}
      </Box>
    </>
  );
}

/** The demandeur and their household, as the rules see them for this offer. */
export function DemandeurResume({ record, dossier }: { record: CandidatureFile; dossier: Dossier }) {
  const translate = useTranslate();
  const { data: demande } = useGetOne<Demande>('demandes', { id: record.demandeId });
  const co = demande?.codemandeur;
  const foyer = translate('app.traitement.dossier.personnes', { smart_count: dossier.eligibilite.nombrePersonnes });
  return (
    <Carte
      titre="app.traitement.dossier.demandeur"
      action={
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1 }}>
          <AccompagnementButton demande={demande} />
          <RecordLink resource="demandes" id={record.demandeId}>
            {translate('app.traitement.dossier.voirDemande')}
          </RecordLink>
        </Stack>
      }
    >
      <Typography variant="subtitle1" component="p" sx={{ fontWeight: 600, mb: 1 }}>
        <RecordLink resource="demandeurs" id={record.demandeurId}>
          {nomPrenom(record.demandeurNom, record.demandeurPrenom)}
        </RecordLink>
      </Typography>
      <Drapeaux dossier={dossier} demande={demande} />
      <Grille>
        <Labeled label="app.traitement.dossier.foyer">
          <Typography variant="body2">{co ? `${foyer}, ${translate('app.traitement.dossier.avecCodemandeur', { nom: nomPrenom(co.nom, co.prenom) })}` : foyer}</Typography>
        </Labeled>
        <Labeled label="app.traitement.dossier.publicCible">
          <Typography variant="body2">{demande ? translate(enumLabelKey('publicCible', demande.publicCible)) : '—'}</Typography>
        </Labeled>
        <Labeled label="resources.demandes.fields.lieuTravailCommune">
          <Typography variant="body2">{demande?.lieuTravailCommune ?? '—'}</Typography>
        </Labeled>
        <Labeled label="app.traitement.dossier.situations">
          <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
            {demande?.situationsPrioritaires.length ? (
              demande.situationsPrioritaires.map((s) => <Chip key={s} size="small" variant="outlined" label={translate(enumLabelKey('situationPrioritaire', s))} />)
            ) : (
              <Typography variant="body2">{translate('app.traitement.dossier.aucuneSituation')}</Typography>
            )}
          </Stack>
        </Labeled>
        <Ressources dossier={dossier} />
      </Grille>
    </Carte>
  );
}
