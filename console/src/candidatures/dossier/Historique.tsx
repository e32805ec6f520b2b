import HistoryIcon from '@mui/icons-material/History';
import MailIcon from '@mui/icons-material/MailOutlined';
import NoteIcon from '@mui/icons-material/StickyNote2Outlined';
import { Box, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { enumLabelKey } from '@console/common/enums';
import { formatDateTime } from '@console/common/format';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { EntiteHistorique, EvenementTimeline } from '@console/data/instruction';
import { Carte } from './Carte';
import { NoteForm } from './NoteForm';
import { historiqueKey } from './useDossier';

const ICONES = { audit: HistoryIcon, notification: MailIcon, note: NoteIcon };

function Evenement({ e }: { e: EvenementTimeline }) {
  const translate = useTranslate();
  const Icone = ICONES[e.genre];
  const statut = (v: string | null) => (v ? translate(enumLabelKey('statutCandidature', v), { _: v }) : '');
  let titre: string;
  let detail: string | null = null;
  if (e.genre === 'note') {
    titre = translate('app.traitement.historique.notePrivee');
    detail = e.texte;
  } else if (e.genre === 'notification') {
    titre = translate('app.traitement.historique.courriel');
    detail = e.texte;
  } else {
    titre = translate(`app.traitement.historique.actions.${e.action}`, { _: e.action.replace(/_/g, ' ') });
    if (e.de && e.vers) titre += ` · ${statut(e.de)} → ${statut(e.vers)}`;
    detail = e.motif;
  }
  return (
    <Stack component="li" direction="row" sx={{ gap: 1.5, py: 1, borderBottom: 1, borderColor: 'divider', '&:last-child': { borderBottom: 0 } }}>
      <Icone fontSize="small" color={e.genre === 'note' ? 'secondary' : e.genre === 'notification' ? 'info' : 'action'} sx={{ mt: 0.25 }} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ fontWeight: 500 }}>
          {titre}
        </Typography>
        {detail && (
          <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {detail}
          </Typography>
        )}
        <Typography variant="caption" color="text.secondary">
          {formatDateTime(e.at)}
          {e.acteur && e.genre !== 'notification' ? ` · ${translate('app.traitement.historique.par', { acteur: e.acteur })}` : ''}
        </Typography>
      </Box>
    </Stack>
  );
}

/**
 * The history of a candidature or a demande, newest first: audit events, notifications to the
 * demandeur and the agents' private notes; a form to add a note.
 */
export function Historique({ entite, id }: { entite: EntiteHistorique; id: Identifier }) {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const { data = [] } = useQuery({ queryKey: historiqueKey(entite, id), queryFn: () => dataProvider.timeline(entite, id).then((r) => r.data) });
  // A note appears once: as itself, not also as its audit event.
  const evenements = data.filter((e) => !(e.genre === 'audit' && e.action === 'note'));
  return (
    <Carte titre="app.traitement.historique.titre">
      <NoteForm entite={entite} id={id} />
      {evenements.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
          {translate('app.traitement.historique.vide')}
        </Typography>
      ) : (
        <Box component="ol" sx={{ listStyle: 'none', m: 0, p: 0 }} aria-label={translate('app.traitement.historique.titre')}>
          {evenements.map((e) => (
            <Evenement key={e.id} e={e} />
          ))}
        </Box>
      )}
    </Carte>
  );
}

/** The history of the record shown (a demande's page), with its notes form. */
export function HistoriqueDuRecord({ entite }: { entite: EntiteHistorique; label?: string; className?: string }) {
  const record = useRecordContext();
  return record ? <Historique entite={entite} id={record.id} /> : null;
}
