import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, useGetIdentity, useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Role } from '@shared/domain/enums';
import { CartesRole } from './Accueil';
import type { CompteursFile } from './types';

const ONGLETS = ['a_traiter', 'mes_dossiers', 'en_instruction', 'transmises'] as const satisfies readonly (keyof CompteursFile)[];

/** The landing page of agents without statistics: a greeting and their work-queue counts. */
export function Welcome() {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const dataProvider = useAppDataProvider();
  const lit = useCan('read', 'candidatures');
  const role = identity?.role as Role | undefined;
  const cartes = role === 'controle_fraude' || role === 'admin'; // their own landing cards, not a work queue
  const { data } = useQuery({ queryKey: ['compteursFile'], queryFn: () => dataProvider.compteursOnglets().then((r) => r.data), enabled: lit && !cartes && !!role });
  const prenom = String(identity?.fullName ?? '').split(' ')[0];
  return (
    <Box sx={{ p: 2 }}>
      <Title title={translate('app.pilotage.dashboard.titre')} />
      <Typography variant="h5" component="h2" gutterBottom>
        {translate('app.pilotage.dashboard.bienvenue', { prenom })}
      </Typography>
      <Typography color="text.secondary" gutterBottom>
        {translate(cartes ? `app.pilotage.accueil.intro.${role}` : lit ? 'app.pilotage.dashboard.accueil' : 'app.pilotage.dashboard.sansFile')}
      </Typography>
      {cartes && (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2, mt: 2 }}>
          <CartesRole role={role!} />
        </Box>
      )}
      {lit && !cartes && (
        <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: 2, mt: 2 }}>
          {ONGLETS.map((o) => (
            <Card key={o} variant="outlined">
              <CardActionArea component={Link} to={`/candidatures?filter=${encodeURIComponent(JSON.stringify({ onglet: o }))}`}>
                <CardContent>
                  <Typography variant="h4" component="p">
                    {data ? data[o].toLocaleString('fr-FR') : '…'}
                  </Typography>
                  <Typography color="text.secondary">{translate(`app.pilotage.dashboard.onglets.${o}`)}</Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          ))}
        </Box>
      )}
    </Box>
  );
}
