import ExportIcon from '@mui/icons-material/FileDownload';
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Button, Link, Loading, Title, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { formatDay } from '@console/common/format';
import { useAppDataProvider } from '@console/data/dataProvider';
import { BarChart, ColumnChart } from './BarChart';
import { ChoixPeriode, type Periode } from './ChoixPeriode';
import { ContributionsTable } from './ContributionsTable';

const MOIS = ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'];

function Tuile({ titre, valeur, detail }: { titre: string; valeur: ReactNode; detail?: ReactNode }) {
  return (
    <Card variant="outlined">
      <CardContent>
        <Typography color="text.secondary" variant="body2">
          {titre}
        </Typography>
        <Typography variant="h4" component="p">
          {valeur}
        </Typography>
        {detail && (
          <Typography color="text.secondary" variant="caption">
            {detail}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

const Panneau = ({ children }: { children: ReactNode }) => (
  <Card variant="outlined">
    <CardContent>{children}</CardContent>
  </Card>
);

/**
 * The managers' landing page (issue #15): aggregates only (R-STATS), over the last 12 months until
 * the manager picks other days (jj/mm/aaaa, sent as `from`/`to`), and the way to the exports.
 */
export function StatistiquesDashboard() {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const exporter = useCan('create', 'exports');
  const [periode, setPeriode] = useState<Periode | null>(null);
  const { data: s, error, isFetching } = useQuery({
    queryKey: ['statistiques', periode?.from ?? '', periode?.to ?? ''],
    queryFn: () => dataProvider.statistiques(periode ?? undefined).then((r) => r.data),
    // The figures of the previous period stay on screen while the new ones come.
    placeholderData: keepPreviousData,
  });
  const t = (k: string, o?: Record<string, unknown>) => translate(`app.pilotage.dashboard.${k}`, o);
  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!s) return <Loading />;
  const jours = (n: number | null) => (n === null ? '—' : t('jours', { n: n.toLocaleString('fr-FR') }));
  const enumLabel = (e: string, v: string) => translate(`enums.${e}.${v}`, { _: v });
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2 }}>
      <Title title={t('titre')} />
      <Box sx={{ display: 'flex', gap: 2, justifyContent: 'space-between', alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Box>
          <Typography variant="h5" component="h2">
            {t('titre')}
          </Typography>
          <Typography color="text.secondary" variant="body2">
            {t('periode', { from: formatDay(s.periode.from), to: formatDay(s.periode.to) })} — {t('anonymes')}
          </Typography>
        </Box>
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
          <ChoixPeriode key={`${s.periode.from}/${s.periode.to}`} periode={s.periode} onChange={setPeriode} pending={isFetching} />
          {exporter && (
            <Button component={Link} to="/exports" label={t('exports')} variant="contained">
              <ExportIcon />
            </Button>
          )}
        </Box>
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2 }}>
        <Tuile titre={t('candidatures')} valeur={s.candidatures.total.toLocaleString('fr-FR')} />
        <Tuile titre={`${t('delai')} — ${t('mediane')}`} valeur={jours(s.delaiDesignation.medianeJours)} detail={t('designations', { smart_count: s.delaiDesignation.n })} />
        <Tuile titre={`${t('delai')} — ${t('p90')}`} valeur={jours(s.delaiDesignation.p90Jours)} />
        <Tuile titre={t('offresSansCandidat')} valeur={s.offres.sansCandidat} detail={t('surPubliees', { n: s.offres.publiees })} />
      </Box>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(420px, 1fr))', gap: 2 }}>
        <Panneau>
          <BarChart titre={t('parStatut')} barres={s.candidatures.parStatut.map((r) => ({ libelle: enumLabel('statutCandidature', r.statut), valeur: r.n }))} />
        </Panneau>
        <Panneau>
          <BarChart titre={t('parDepartement')} barres={s.candidatures.parDepartement.map((r) => ({ libelle: r.departement, valeur: r.n }))} />
          <Box sx={{ mt: 2 }}>
            <BarChart titre={t('parNature')} barres={s.candidatures.parNature.map((r) => ({ libelle: enumLabel('natureOffre', r.nature), valeur: r.n }))} />
          </Box>
        </Panneau>
        <Panneau>
          <ColumnChart
            titre={t('suspensions')}
            colonnes={s.suspensionsParMois.map((m) => ({ libelle: `${MOIS[Number(m.mois.slice(5, 7)) - 1]} ${m.mois.slice(2, 4)}`, valeur: m.n }))}
          />
        </Panneau>
        <Panneau>
          <ContributionsTable lignes={s.parContribution} />
        </Panneau>
      </Box>
    </Box>
  );
}
