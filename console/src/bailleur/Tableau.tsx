import { useRef, useState, type FormEvent } from 'react';
import type { RapportTableau } from '@shared/api/bailleurs';
import { api, URL_TABLEAU } from './api';
import { compte } from './format';

const RESULTATS = { appliquee: 'Appliquée', refusee: 'Refusée', ignoree: 'Ignorée' } as const;

/**
 * The spreadsheet way: download the candidatures awaiting a decision as an Excel file, fill the
 * decision columns, send it back; each row is checked and applied on its own and reported.
 */
export function Tableau({ enAttente, onApplique }: { enAttente: number; onApplique: (message: string) => void }) {
  const fichier = useRef<HTMLInputElement>(null);
  const [rapport, setRapport] = useState<RapportTableau | null>(null);
  const [erreur, setErreur] = useState('');
  const [envoi, setEnvoi] = useState(false);

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    const f = fichier.current?.files?.[0];
    if (!f) return setErreur('Choisissez le fichier Excel (.xlsx) complété.');
    setErreur('');
    setEnvoi(true);
    try {
      const r = await api.televerser(f);
      setRapport(r);
      onApplique(`Tableau traité : ${compte(r.appliquees, 'décision appliquée', 'décisions appliquées')}, ${compte(r.refusees, 'ligne refusée', 'lignes refusées')}, ${compte(r.ignorees, 'ligne sans décision', 'lignes sans décision')}.`);
    } catch (err) {
      setErreur(err instanceof Error ? err.message : String(err));
    } finally {
      setEnvoi(false);
    }
  };

  return (
    <section className="tableau" aria-labelledby="titre-tableau">
      <h2 id="titre-tableau">Répondre avec le tableau Excel</h2>
      {enAttente > 0 && (
        <p>
          <a className="bouton secondaire" href={URL_TABLEAU} download>
            Télécharger le tableau des candidatures (Excel)
          </a>
        </p>
      )}
      <form onSubmit={envoyer} className="envoi-tableau">
        <label htmlFor="fichier-tableau">Tableau complété (colonnes « Décision du bailleur », « Motif de non-retenue », « Date de CALEOL »)</label>
        <input id="fichier-tableau" ref={fichier} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" aria-describedby={erreur ? 'erreur-tableau' : undefined} />
        <button type="submit" disabled={envoi}>
          {envoi ? 'Traitement…' : 'Envoyer le tableau'}
        </button>
        {erreur && (
          <p id="erreur-tableau" className="erreur" role="alert">
            {erreur}
          </p>
        )}
      </form>
      {rapport && (
        <table className="rapport">
          <caption>
            Résultat ligne par ligne : {compte(rapport.appliquees, 'appliquée', 'appliquées')}, {compte(rapport.refusees, 'refusée', 'refusées')}, {compte(rapport.ignorees, 'ignorée', 'ignorées')}
          </caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Candidature</th>
              <th scope="col">Résultat</th>
              <th scope="col">Détail</th>
            </tr>
          </thead>
          <tbody>
            {rapport.lignes.map((l) => (
              <tr key={l.ligne} className={l.resultat}>
                <td>{l.ligne}</td>
                <td>{l.reference ?? '—'}</td>
                <td>{RESULTATS[l.resultat]}</td>
                <td>{l.raison ?? (l.decision === 'attribuee' ? 'Attribuée' : l.decision === 'non_retenue' ? 'Non retenue' : '')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
