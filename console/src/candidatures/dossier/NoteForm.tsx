import { Button, Stack, TextField } from '@mui/material';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate, type Identifier } from 'react-admin';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { EntiteHistorique } from '@console/data/instruction';
import { historiqueKey } from './useDossier';

/** A private note for the agents (never shown to the demandeur), added to the history. */
export function NoteForm({ entite, id }: { entite: EntiteHistorique; id: Identifier }) {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const queryClient = useQueryClient();
  const [texte, setTexte] = useState('');
  const mutation = useMutation({
    mutationFn: (t: string) => dataProvider.ajouterNote(entite, id, t),
    onSuccess: () => {
      setTexte('');
      notify('app.traitement.historique.noteAjoutee', { type: 'success' });
      return queryClient.invalidateQueries({ queryKey: historiqueKey(entite, id) });
    },
    onError: (error) => notify(error instanceof Error ? error.message : String(error), { type: 'error' }),
  });
  const ajouter = () => texte.trim() && !mutation.isPending && mutation.mutate(texte.trim());
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start', mb: 1 }}>
      <TextField
        fullWidth
        multiline
        maxRows={6}
        size="small"
        placeholder={translate('app.traitement.historique.placeholder')}
        aria-label={translate('app.traitement.historique.placeholder')}
        value={texte}
        onChange={(e) => setTexte(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) ajouter();
        }}
        slotProps={{ htmlInput: { maxLength: 5000 } }}
      />
      <Button variant="outlined" onClick={ajouter} disabled={!texte.trim() || mutation.isPending} sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
        {translate('app.traitement.historique.ajouter')}
      </Button>
    </Stack>
  );
}
