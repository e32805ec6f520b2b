import BookmarkIcon from '@mui/icons-material/BookmarkBorder';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import SaveIcon from '@mui/icons-material/BookmarkAdd';
import { Divider, IconButton, ListItemIcon, ListItemText, Menu, MenuItem, TextField } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, useListContext, useNotify, useStore, useTranslate } from 'react-admin';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { FiltreSauvegarde } from '@console/data/instruction';
import { MotifDialog } from '@console/candidatures/actions/MotifDialog';
import { COLONNES, COLONNES_CACHEES, COLONNES_STORE_KEY } from './CandidatureTable';

const KEY = ['filtres-sauvegardes', 'candidatures'] as const;

/**
 * « Filtres enregistrés »: the agent's own saved views of the queue (tab, filters and visible
 * columns), kept server-side per agent: apply, save the current one, delete.
 */
export function FiltresEnregistresButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const queryClient = useQueryClient();
  const { filterValues, setFilters } = useListContext();
  const [cachees, setCachees] = useStore<string[]>(COLONNES_STORE_KEY, COLONNES_CACHEES);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [dialogue, setDialogue] = useState(false);
  const [nom, setNom] = useState('');
  const { data: filtres = [] } = useQuery({ queryKey: KEY, queryFn: () => dataProvider.filtresSauvegardes('candidatures').then((r) => r.data) });
  const erreur = (e: unknown) => notify(e instanceof Error ? e.message : String(e), { type: 'error' });
  const enregistrer = useMutation({
    mutationFn: (n: string) =>
      dataProvider.enregistrerFiltre({ ressource: 'candidatures', nom: n, filtre: filterValues, colonnes: COLONNES.filter((c) => !cachees.includes(c)) }),
    onSuccess: (_, n) => {
      setDialogue(false);
      notify(translate('app.traitement.filtresEnregistres.enregistre', { nom: n }), { type: 'success' });
      return queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: erreur,
  });
  const supprimer = useMutation({
    mutationFn: (f: FiltreSauvegarde) => dataProvider.supprimerFiltre(f.id),
    onSuccess: () => {
      notify('app.traitement.filtresEnregistres.supprime', { type: 'info' });
      return queryClient.invalidateQueries({ queryKey: KEY });
    },
    onError: erreur,
  });
  const appliquer = (f: FiltreSauvegarde) => {
    setAnchor(null);
    if (f.colonnes) setCachees(COLONNES.filter((c) => !f.colonnes!.includes(c)));
    setFilters(f.filtre, {});
  };
  const ouvrirDialogue = () => {
    setAnchor(null);
    setNom('');
    setDialogue(true);
  };

  return (
    <>
      <Button label="app.traitement.filtresEnregistres.bouton" onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
        <BookmarkIcon />
      </Button>
      <Menu anchorEl={anchor} open={anchor != null} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { minWidth: 280 } } }}>
        {filtres.length === 0 && (
          <MenuItem disabled>
            <ListItemText slotProps={{ primary: { variant: 'body2' } }}>{translate('app.traitement.filtresEnregistres.aucun')}</ListItemText>
          </MenuItem>
        )}
        {filtres.map((f) => (
          <MenuItem key={f.id} onClick={() => appliquer(f)} sx={{ pr: 1 }}>
            <ListItemText>{f.nom}</ListItemText>
            <IconButton
              size="small"
              edge="end"
              aria-label={translate('app.traitement.filtresEnregistres.supprimer', { nom: f.nom })}
              disabled={supprimer.isPending}
              onClick={(e) => {
                e.stopPropagation();
                supprimer.mutate(f);
              }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem onClick={ouvrirDialogue}>
          <ListItemIcon>
            <SaveIcon fontSize="small" />
          </ListItemIcon>
          <ListItemText>{translate('app.traitement.filtresEnregistres.enregistrer')}</ListItemText>
        </MenuItem>
      </Menu>
      <MotifDialog
        open={dialogue}
        title={translate('app.traitement.filtresEnregistres.titre')}
        help={translate('app.traitement.filtresEnregistres.aide')}
        pending={enregistrer.isPending}
        incomplete={!nom.trim()}
        confirmLabel={translate('ra.action.save')}
        onConfirm={() => enregistrer.mutate(nom.trim())}
        onClose={() => setDialogue(false)}
      >
        <TextField
          autoFocus
          required
          label={translate('app.traitement.filtresEnregistres.nom')}
          value={nom}
          onChange={(e) => setNom(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 80 } }}
          onKeyDown={(e) => e.key === 'Enter' && nom.trim() && !enregistrer.isPending && enregistrer.mutate(nom.trim())}
        />
      </MotifDialog>
    </>
  );
}
