import SupportIcon from '@mui/icons-material/VolunteerActivismOutlined';
import { useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Demande } from '@console/data/records';
import { MotifDialog } from '@console/suspensions/MotifDialog';

/**
 * §13.6 tier 1: declares or removes « accompagné par le service dédié aux salariés en difficulté »
 * on an open demande (conseiller of the territory, contrôle fraude), with a motif. The server
 * recomputes the paliers in the same transaction; the refresh shows the new ranking.
 */
export function AccompagnementButton({ demande: d }: { demande: Demande | undefined }) {
  const peut = useCan('modifier_accompagnement', 'demandes');
  const dataProvider = useAppDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!d || !peut || d.statut === 'cloturee') return null;
  const accompagne = d.accompagneServiceSalariesEnDifficulte;
  const k = (cle: string) => `app.traitement.accompagnement.${cle}`;
  const confirmer = async (motif: string) => {
    try {
      await dataProvider.modifierAccompagnement(d.id, { accompagne: !accompagne, motif });
      notify(k(accompagne ? 'retire' : 'declare'), { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    }
  };
  return (
    <>
      <Button label={k(accompagne ? 'retirer' : 'declarer')} onClick={() => setOpen(true)}>
        <SupportIcon />
      </Button>
      <MotifDialog
        open={open}
        title={k(accompagne ? 'retirerTitre' : 'declarerTitre')}
        help={k(accompagne ? 'retirerAide' : 'declarerAide')}
        confirmLabel={k(accompagne ? 'retirer' : 'declarer')}
        onClose={() => setOpen(false)}
        onConfirm={confirmer}
      />
    </>
  );
}

/** The same button on the demande page, for the demande in the record context. */
export function AccompagnementDemandeButton() {
  return <AccompagnementButton demande={useRecordContext<Demande>()} />;
}
