import { Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { ExecutionTache } from './types';

/** A run's summary in words: « 12 avertissements · 3 rappels · durée (ms) : 840 ». */
export function ResumeTache({ execution }: { execution: ExecutionTache }) {
  const translate = useTranslate();
  if (execution.statut === 'echec') {
    return (
      <Typography variant="body2" color="error" sx={{ whiteSpace: 'pre-wrap', maxWidth: 420 }}>
        {(execution.erreur ?? '').split('\n')[0]}
      </Typography>
    );
  }
  const entrees = Object.entries(execution.resultat ?? {}).map(([cle, valeur]) => {
    const libelle = translate(`app.taches.resume.${cle}`, { _: cle });
    const v = typeof valeur === 'boolean' ? translate(valeur ? 'app.taches.oui' : 'app.taches.non') : String(valeur);
    return `${libelle} : ${v}`;
  });
  return <Typography variant="body2">{entrees.join(' · ')}</Typography>;
}
