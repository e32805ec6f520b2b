import { useId, useState, type FormEvent } from 'react';
import type { CandidatureEnAttente } from '@shared/api/bailleurs';
import { MOTIFS_NON_RETENUE_BAILLEUR, type DecisionBailleur, type MotifNonRetenueBailleur } from '@shared/domain/enums';
import { COMMENTAIRE_MAX, LIBELLES_MOTIF_NON_RETENUE, validerDecision, type SaisieDecision } from '@shared/rules/decisionBailleur';
import { isoVersDateFr, masquerDateFr } from '@console/common/dateFr';
import { api, ErreurApi } from './api';
import { aujourdhui, jourCalendaire } from './format';

type Champ = keyof SaisieDecision;

/**
 * « Attribuée » or « Non retenue » (motif from the list, free text) with the CALEOL date. Checked
 * here by the same shared rule as the server (R-BAIL-DECISION), then posted; a refusal shows
 * under its field, the error summary takes the focus.
 */
export function FormulaireDecision({ candidature: c, onDecidee }: { candidature: CandidatureEnAttente; onDecidee: (message: string) => void }) {
  const id = useId();
  const [decision, setDecision] = useState<DecisionBailleur | ''>('');
  const [motif, setMotif] = useState<MotifNonRetenueBailleur | ''>('');
  const [commentaire, setCommentaire] = useState('');
  const [dateCaleol, setDateCaleol] = useState('');
  const [erreurs, setErreurs] = useState<Partial<Record<Champ | 'general', string>>>({});
  const [envoi, setEnvoi] = useState(false);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    if (envoi) return;
    const saisie = { decision, motif: decision === 'non_retenue' ? motif : null, commentaire, dateCaleol };
    const v = validerDecision(saisie, { designeeLe: c.designeeLe, maintenant: new Date() });
    if (!v.ok) return setErreurs({ [v.champ]: v.raison });
    setErreurs({});
    setEnvoi(true);
    try {
      await api.decider(c.id, { decision: v.decision, motif: v.motif, commentaire: v.commentaire, dateCaleol: v.dateCaleol });
      onDecidee(`Décision enregistrée pour la candidature ${c.reference} : ${v.decision === 'attribuee' ? 'attribuée' : 'non retenue'} (CALEOL du ${jourCalendaire(v.dateCaleol)}).`);
    } catch (err) {
      const m = err instanceof Error ? err.message : String(err);
      setErreurs(err instanceof ErreurApi && Object.keys(err.champs).length ? err.champs : { general: m });
    } finally {
      setEnvoi(false);
    }
  };

  const aide = (champ: Champ | 'general') =>
    erreurs[champ] ? (
      <p id={`${id}-${champ}`} className="erreur">
        {erreurs[champ]}
      </p>
    ) : null;
  const decrit = (champ: Champ) => (erreurs[champ] ? `${id}-${champ}` : undefined);

  return (
    <form className="decision" onSubmit={soumettre} noValidate aria-label={`Décision pour la candidature ${c.reference}`}>
      <fieldset aria-describedby={decrit('decision')}>
        <legend>Décision de la commission</legend>
        {(['attribuee', 'non_retenue'] as const).map((d) => (
          <label key={d} className="choix">
            <input type="radio" name={`${id}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
            {d === 'attribuee' ? 'Attribuée' : 'Non retenue'}
          </label>
        ))}
        {aide('decision')}
      </fieldset>
      {decision === 'non_retenue' && (
        <div className="champ">
          <label htmlFor={`${id}-motif`}>Motif de non-retenue</label>
          <select id={`${id}-motif`} value={motif} onChange={(e) => setMotif(e.target.value as MotifNonRetenueBailleur)} aria-describedby={decrit('motif')} aria-invalid={!!erreurs.motif}>
            <option value="">— Choisir —</option>
            {MOTIFS_NON_RETENUE_BAILLEUR.map((m) => (
              <option key={m} value={m}>
                {LIBELLES_MOTIF_NON_RETENUE[m]}
              </option>
            ))}
          </select>
          {aide('motif')}
        </div>
      )}
      <div className="champ">
        <label htmlFor={`${id}-commentaire`}>Commentaire {motif === 'autre' && decision === 'non_retenue' ? '(obligatoire)' : '(facultatif)'}</label>
        <textarea id={`${id}-commentaire`} rows={2} maxLength={COMMENTAIRE_MAX} value={commentaire} onChange={(e) => setCommentaire(e.target.value)} aria-describedby={decrit('commentaire')} aria-invalid={!!erreurs.commentaire} />
        {aide('commentaire')}
      </div>
      <div className="champ">
        <label htmlFor={`${id}-date`}>Date de la CALEOL</label>
        {/* jj/mm/aaaa whatever the browser's language (a native date field follows it); the shared rule reads it. */}
        <span id={`${id}-date-format`} className="aide">
          Format jj/mm/aaaa, au plus tard aujourd’hui ({isoVersDateFr(aujourdhui())})
        </span>
        <input
          id={`${id}-date`} type="text" inputMode="numeric" autoComplete="off" maxLength={10} placeholder="jj/mm/aaaa" className="date"
          value={dateCaleol} onChange={(e) => setDateCaleol(masquerDateFr(e.target.value))}
          aria-describedby={[`${id}-date-format`, decrit('dateCaleol')].filter(Boolean).join(' ')} aria-invalid={!!erreurs.dateCaleol}
        />
        {aide('dateCaleol')}
      </div>
      {aide('general')}
      <button type="submit" disabled={envoi}>
        {envoi ? 'Enregistrement…' : 'Enregistrer la décision'}
      </button>
    </form>
  );
}
