import type { CandidatureEnAttente } from '@shared/api/bailleurs';
import { urlDossier } from './api';
import { FormulaireDecision } from './FormulaireDecision';
import { jour, jourHeure, personne } from './format';

/** One candidature awaiting the bailleur: what identifies it, its dossier PDF, and the decision form. */
export function CarteCandidature({ candidature: c, onDecidee }: { candidature: CandidatureEnAttente; onDecidee: (message: string) => void }) {
  const titre = `titre-${c.id}`;
  return (
    <article className="carte" aria-labelledby={titre}>
      <h2 id={titre}>
        {c.reference} — {personne(c.demandeur)}
      </h2>
      <dl className="faits">
        <div>
          <dt>Offre</dt>
          <dd>
            {c.offre.reference} — {c.offre.titre}
          </dd>
        </div>
        <div>
          <dt>Logement</dt>
          <dd>
            {c.offre.typologie}, {c.offre.commune} ({c.offre.codePostal})
          </dd>
        </div>
        <div>
          <dt>Foyer</dt>
          <dd>{c.nombrePersonnes > 1 ? `${c.nombrePersonnes} personnes` : '1 personne'}</dd>
        </div>
        <div>
          <dt>Désignée le</dt>
          <dd>{jour(c.designeeLe)}</dd>
        </div>
      </dl>
      <p>
        <a className="bouton secondaire" href={urlDossier(c.id)} download>
          Télécharger le dossier (PDF)<span className="sr"> de la candidature {c.reference}</span>
        </a>{' '}
        <span className="discret">{c.telechargeLe ? `Déjà téléchargé le ${jourHeure(c.telechargeLe)}` : 'Pas encore téléchargé'}</span>
      </p>
      <p className="discret">Pièces jointes au dossier : {c.pieces.length ? c.pieces.join(', ') : 'aucune pièce validée'}.</p>
      <FormulaireDecision candidature={c} onDecidee={onDecidee} />
    </article>
  );
}
