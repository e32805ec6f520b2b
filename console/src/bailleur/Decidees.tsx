import type { CandidatureDecidee } from '@shared/api/bailleurs';
import { jourCalendaire } from './format';

const ETATS: Record<string, string> = {
  attribuee: 'Attribuée', non_retenue: 'Non retenue', annulee: 'Annulée par le candidat', cloturee: 'Clôturée par Action Logement Services',
};

/** The envoi's candidatures that no longer await the bailleur: its decisions, or why they left (no personal detail). */
export function Decidees({ decidees }: { decidees: CandidatureDecidee[] }) {
  if (decidees.length === 0) return null;
  return (
    <section aria-labelledby="titre-decidees">
      <h2 id="titre-decidees">Candidatures qui n’attendent plus de décision</h2>
      <table className="rapport">
        <thead>
          <tr>
            <th scope="col">Candidature</th>
            <th scope="col">Offre</th>
            <th scope="col">État</th>
            <th scope="col">CALEOL</th>
          </tr>
        </thead>
        <tbody>
          {decidees.map((d) => (
            <tr key={d.id}>
              <td>{d.reference}</td>
              <td>{d.offre}</td>
              <td>{ETATS[d.statut] ?? d.statut}{d.decision ? ' (votre décision)' : ''}</td>
              <td>{d.dateCaleol ? jourCalendaire(d.dateCaleol) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
