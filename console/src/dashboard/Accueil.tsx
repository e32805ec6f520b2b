import { Box, Card, CardActionArea, CardContent, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, useGetIdentity, useGetList, useTranslate } from 'react-admin';
import type { Role } from '@shared/domain/enums';
import { useAppDataProvider } from '@console/data/dataProvider';
import { JOBS_PATH } from '@console/jobs/JobsMenuItem';

/** One card of a landing page: a count and where it leads. */
function Carte({ libelle, valeur, vers }: { libelle: string; valeur: number | undefined; vers: string }) {
  const translate = useTranslate();
  return (
    <Card variant="outlined">
      <CardActionArea component={Link} to={vers}>
        <CardContent>
          <Typography variant="h4" component="p">
            {valeur === undefined ? '…' : valeur.toLocaleString('fr-FR')}
          </Typography>
          <Typography color="text.secondary">{translate(libelle)}</Typography>
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

const lien = (resource: string, filter: object) => `/${resource}?filter=${encodeURIComponent(JSON.stringify(filter))}`;

/** A count of a simple-rest list (its Content-Range), one row fetched. */
function CarteListe({ libelle, resource, filter }: { libelle: string; resource: string; filter: object }) {
  const { total } = useGetList(resource, { pagination: { page: 1, perPage: 1 }, filter });
  return <Carte libelle={libelle} valeur={total} vers={lien(resource, filter)} />;
}

/** Contrôle fraude lands on what it has to handle: new signals, its own, the suspensions in force. */
function CartesFraude() {
  const { identity } = useGetIdentity();
  return (
    <>
      <CarteListe libelle="app.pilotage.accueil.signalementsNouveaux" resource="signalements" filter={{ statut: 'nouveau' }} />
      {identity && <CarteListe libelle="app.pilotage.accueil.mesSignalements" resource="signalements" filter={{ statut: 'en_cours', assigneeId: identity.id }} />}
      <CarteListe libelle="app.pilotage.accueil.suspensionsEnCours" resource="suspensions" filter={{ active: 'true' }} />
    </>
  );
}

/** Admins land on what failed: mails and scheduled jobs. */
function CartesAdmin() {
  const dataProvider = useAppDataProvider();
  const { data } = useQuery({ queryKey: ['taches'], queryFn: async () => (await dataProvider.taches()).data });
  const enEchec = data?.filter((t) => t.derniereExecution?.statut === 'echec' || t.etats.failed > 0).length;
  return (
    <>
      <CarteListe libelle="app.pilotage.accueil.courrielsEchec" resource="notifications" filter={{ statut: 'echec' }} />
      <CarteListe libelle="app.pilotage.accueil.courrielsEnAttente" resource="notifications" filter={{ statut: 'a_envoyer' }} />
      <Carte libelle="app.pilotage.accueil.tachesEchec" valeur={enEchec} vers={JOBS_PATH} />
    </>
  );
}

/** The landing cards of roles without a work queue (issue #15: each role lands on its own work). */
export function CartesRole({ role }: { role: Role }) {
  if (role === 'controle_fraude') return <CartesFraude />;
  if (role === 'admin') return <CartesAdmin />;
  return null;
}
