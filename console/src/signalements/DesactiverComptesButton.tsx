import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Checkbox, FormControlLabel, FormGroup } from '@mui/material';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { nomPrenom } from '@console/common/links';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Signalement } from '@console/data/records';
import { MotifDialog } from '@console/suspensions/MotifDialog';
import { useCompteCandidaturesCloturees } from '@console/common/comptes';
import { comptesDe } from './preuves';

/**
 * R-ONE-ACCOUNT (§9.13): once a duplicate signal is confirmed, tick the extra accounts to close
 * (their open demande and candidatures are closed); at least one stays open.
 */
export function DesactiverComptesButton() {
  const record = useRecordContext<Signalement>();
  const canUpdate = useCan('update', 'demandeurs');
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const compter = useCompteCandidaturesCloturees();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [coches, setCoches] = useState<number[]>([]);
  if (!record || !canUpdate || record.statut !== 'confirme') return null;
  const comptes = comptesDe(record.preuves).filter((c) => c.statutCompte !== 'ferme');
  if (record.demandeurIds.length < 2 || comptes.length < 2) return null;
  const basculer = (id: number, on: boolean) => setCoches((l) => (on ? [...l, id] : l.filter((x) => x !== id)));
  const desactiver = async (motif: string) => {
    try {
      const { data } = await dataProvider.desactiverComptes(record.id, { demandeurIds: coches, motif });
      notify('app.fraude.notifications.desactives', {
        type: 'success',
        messageArgs: { smart_count: data.demandeurIds.length, candidatures: compter(data.candidaturesCloturees.length) },
      });
      setOpen(false);
      setCoches([]);
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    }
  };
  return (
    <>
      <Button label="app.fraude.actions.desactiver" onClick={() => setOpen(true)}>
        <PersonOffIcon />
      </Button>
      <MotifDialog
        open={open}
        title="app.fraude.dialogues.desactiverTitre"
        help="app.fraude.dialogues.desactiverAide"
        confirmLabel="app.fraude.actions.desactiver"
        invalid={coches.length === 0 || coches.length >= comptes.length}
        onClose={() => setOpen(false)}
        onConfirm={desactiver}
      >
        <FormGroup sx={{ mb: 2 }}>
          {comptes.map((c) => (
            <FormControlLabel
              key={c.id}
              control={<Checkbox checked={coches.includes(c.id)} onChange={(_, on) => basculer(c.id, on)} />}
              label={`${translate('app.fraude.preuves.compte', { id: c.id })} — ${nomPrenom(c.nom, c.prenom)} — ${c.email ?? ''}`}
            />
          ))}
        </FormGroup>
      </MotifDialog>
    </>
  );
}
