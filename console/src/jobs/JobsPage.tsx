import { Alert, Card, CardContent, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Loading, Title, useTranslate } from 'react-admin';
import { formatDateTime } from '@console/common/format';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import { decrireCron } from './cron';
import { LancerButton } from './LancerButton';
import { ResumeTache } from './ResumeTache';
import { ETATS_FILE, type Tache } from './types';

const COULEURS = { en_cours: 'info', termine: 'success', echec: 'error' } as const;

function DerniereExecution({ tache }: { tache: Tache }) {
  const translate = useTranslate();
  const e = tache.derniereExecution;
  if (!e) return <Typography variant="body2" color="text.secondary">{translate('app.taches.jamais')}</Typography>;
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="body2">
        {formatDateTime(e.debut)} ({translate(`app.taches.declenchements.${e.declenchement}`)})
      </Typography>
      <Chip size="small" color={COULEURS[e.statut]} label={translate(`app.taches.statuts.${e.statut}`)} />
    </Stack>
  );
}

function File({ tache }: { tache: Tache }) {
  const translate = useTranslate();
  const nonVides = ETATS_FILE.filter((s) => tache.etats[s] > 0);
  if (nonVides.length === 0) return <Typography variant="body2" color="text.secondary">—</Typography>;
  return <Typography variant="body2">{nonVides.map((s) => `${tache.etats[s]} ${translate(`app.taches.etats.${s}`)}`).join(' · ')}</Typography>;
}

/**
 * « Tâches planifiées » (admin, manager): per pg-boss queue, its Paris schedule, its last run
 * and summary, its job counts by state; admins may start a run now. Refreshes every 10 s.
 */
export function JobsPage() {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const peutLire = useCan('read', 'jobs');
  const { data, isPending, error, refetch } = useQuery({
    queryKey: ['jobs'],
    queryFn: async () => (await dataProvider.taches()).data,
    refetchInterval: 10_000,
    enabled: peutLire,
  });
  const c = (k: string) => translate(`app.taches.colonnes.${k}`);
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="app.taches.titre" />
      <CardContent>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
          {translate('app.taches.intro')}
        </Typography>
        {error ? <Alert severity="error">{error instanceof Error ? error.message : translate('app.erreurs.serveur')}</Alert> : null}
        {isPending && peutLire ? <Loading /> : null}
        {data ? (
          <Table size="small" aria-label={translate('app.taches.titre')}>
            <TableHead>
              <TableRow>
                {['tache', 'planification', 'derniere', 'resultat', 'file', 'actions'].map((k) => (
                  <TableCell key={k}>{c(k)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {data.map((t) => (
                <TableRow key={t.id}>
                  <TableCell>
                    <Typography variant="body2" sx={{ fontWeight: 600 }}>{t.libelle}</Typography>
                    <Typography variant="caption" color="text.secondary">{t.id}</Typography>
                  </TableCell>
                  <TableCell>
                    {decrireCron(t.cron, translate)}
                    {t.planifiee ? null : <Typography variant="caption" color="text.secondary" component="div">{translate('app.taches.nonPlanifiee')}</Typography>}
                  </TableCell>
                  <TableCell><DerniereExecution tache={t} /></TableCell>
                  <TableCell>{t.derniereExecution ? <ResumeTache execution={t.derniereExecution} /> : null}</TableCell>
                  <TableCell><File tache={t} /></TableCell>
                  <TableCell><LancerButton nom={t.id} libelle={t.libelle} onLancee={() => void refetch()} /></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
      </CardContent>
    </Card>
  );
}
