import FollowIcon from '@mui/icons-material/BookmarkAdd';
import FollowedIcon from '@mui/icons-material/BookmarkAdded';
import UpdateIcon from '@mui/icons-material/Update';
import { Button, Chip, Tooltip } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useRef } from 'react';
import { useNotify, useTranslate, type Identifier } from 'react-admin';
import { formatDateTime } from '@console/common/format';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Dossier } from '@console/data/instruction';
import { useRechargerDossier } from '@console/candidatures/dossier/useDossier';

/** « modifié depuis votre dernière visite » (UI-SUIVI): on a followed row of the queue and on the dossier's header. */
export function ModifieDepuisVisiteChip({ vuLe }: { vuLe?: string | null }) {
  const translate = useTranslate();
  const chip = <Chip size="small" color="warning" variant="outlined" icon={<UpdateIcon />} label={translate('app.traitement.suivi.modifie')} sx={{ ml: 1 }} />;
  return vuLe ? <Tooltip title={translate('app.traitement.suivi.modifieAide', { date: formatDateTime(vuLe) })}>{chip}</Tooltip> : chip;
}

/**
 * What the dossier page says of the follow: opening the dossier marks it seen on the server, and
 * any reload (an action, the window's focus) answers « unchanged » from then on; the badge stays
 * for as long as the agent is on this dossier.
 */
export function useVisite(id: Identifier, dossier: Dossier | undefined) {
  const vu = useRef<{ id: Identifier; vuLe: string } | null>(null);
  if (dossier?.suivi?.modifieDepuisVisite && vu.current?.id !== id) vu.current = { id, vuLe: dossier.suivi.vuLe };
  if (vu.current && vu.current.id !== id) vu.current = null;
  return { suivi: dossier?.suivi != null, modifie: vu.current != null && dossier?.suivi != null, vuLe: vu.current?.vuLe ?? null };
}

/** « Suivre » / « Ne plus suivre » on the dossier's header (PUT / DELETE /api/candidatures/:id/suivi). */
export function SuivreButton({ id, suivi, disabled }: { id: Identifier; suivi: boolean; disabled?: boolean }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const recharger = useRechargerDossier();
  const { mutate, isPending } = useMutation({
    mutationFn: () => dataProvider.suivreCandidature(id, !suivi),
    onSuccess: async () => {
      await recharger();
      notify(suivi ? 'app.traitement.suivi.retire' : 'app.traitement.suivi.ajoute', { type: 'success' });
    },
    onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
  });
  return (
    <Tooltip title={suivi ? '' : translate('app.traitement.suivi.suivreAide')}>
      <span>
        <Button
          size="small"
          variant={suivi ? 'contained' : 'outlined'}
          aria-pressed={suivi}
          startIcon={suivi ? <FollowedIcon /> : <FollowIcon />}
          disabled={disabled || isPending}
          onClick={() => mutate()}
          sx={{ whiteSpace: 'nowrap' }}
        >
          {translate(suivi ? 'app.traitement.suivi.nePlusSuivre' : 'app.traitement.suivi.suivre')}
        </Button>
      </span>
    </Tooltip>
  );
}
