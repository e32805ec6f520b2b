import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListeBailleur, SessionBailleur } from '@shared/api/bailleurs';
import { api, ErreurApi } from './api';
import { CarteCandidature } from './CarteCandidature';
import { Decidees } from './Decidees';
import { jourHeure } from './format';
import { Tableau } from './Tableau';

type Etat = { etape: 'ouverture' } | { etape: 'erreur'; titre: string; detail: string } | { etape: 'prete'; session: SessionBailleur };

/** Opens the session once per page load: from the mail's token (then removed from the address bar), else from the cookie. */
let ouverture: Promise<SessionBailleur> | null = null;
function ouvrirSession(): Promise<SessionBailleur> {
  if (!ouverture) {
    const jeton = window.location.hash.replace(/^#\/?/, '');
    if (jeton) window.history.replaceState(null, '', window.location.pathname);
    ouverture = jeton ? api.ouvrir(jeton) : api.session();
  }
  return ouverture;
}

function erreurEnMots(e: unknown): { titre: string; detail: string } {
  if (!(e instanceof ErreurApi)) return { titre: 'Erreur', detail: 'Une erreur est survenue. Rechargez la page.' };
  const titres: Record<string, string> = {
    LIEN_EXPIRE: 'Ce lien a expiré', LIEN_REVOQUE: 'Ce lien a été révoqué', LIEN_INVALIDE: 'Lien non valable',
    NON_AUTHENTIFIE: 'Session terminée', TROP_DE_REQUETES: 'Trop de tentatives',
  };
  return { titre: titres[e.code] ?? 'Erreur', detail: e.message };
}

/** The whole page: who it is for, the candidatures awaiting a decision, the spreadsheet, the decisions made. */
export function PageBailleur() {
  const [etat, setEtat] = useState<Etat>({ etape: 'ouverture' });
  const [liste, setListe] = useState<ListeBailleur | null>(null);
  const [annonce, setAnnonce] = useState('');
  const titre = useRef<HTMLHeadingElement>(null);

  const echec = useCallback((e: unknown) => setEtat({ etape: 'erreur', ...erreurEnMots(e) }), []);
  const recharger = useCallback(async () => {
    try {
      setListe(await api.candidatures());
    } catch (e) {
      if (e instanceof ErreurApi && (e.status === 401 || e.status === 410)) echec(e);
      else setAnnonce(e instanceof Error ? e.message : String(e));
    }
  }, [echec]);

  useEffect(() => {
    ouvrirSession()
      .then(async (session) => {
        setEtat({ etape: 'prete', session });
        await recharger();
        titre.current?.focus();
      })
      .catch(echec);
  }, [recharger, echec]);

  const apresDecision = async (message: string) => {
    setAnnonce(message);
    await recharger();
  };

  if (etat.etape === 'ouverture') return <p className="attente" role="status">Ouverture de votre espace…</p>;
  if (etat.etape === 'erreur') {
    return (
      <main className="page">
        <h1>{etat.titre}</h1>
        <p role="alert">{etat.detail}</p>
      </main>
    );
  }
  const deconnecter = async () => {
    await api.fermer().catch(() => undefined);
    setEtat({ etape: 'erreur', titre: 'Vous êtes déconnecté', detail: 'Pour revenir, rouvrez le lien reçu par courriel.' });
  };
  return (
    <>
      <header className="entete">
        <p className="marque">Action Logement Services</p>
        <p>
          Pour <strong>{etat.session.bailleur}</strong> · lien valable jusqu’au {jourHeure(etat.session.expireLe)}
        </p>
        <button type="button" className="secondaire" onClick={deconnecter}>
          Se déconnecter
        </button>
      </header>
      <main className="page">
        <h1 ref={titre} tabIndex={-1}>
          Candidatures à examiner{liste ? ` (${liste.enAttente.length})` : ''}
        </h1>
        <p className="aide">
          Chaque dossier ne contient que les pièces exigées par la réglementation du logement. Enregistrez la décision de votre commission
          d’attribution (CALEOL) pour chaque candidature, ici ou en renvoyant le tableau Excel complété. Chaque consultation est enregistrée.
        </p>
        <p className="annonce" role="status" aria-live="polite">
          {annonce}
        </p>
        {liste && (
          <>
            <Tableau enAttente={liste.enAttente.length} onApplique={apresDecision} />
            {liste.enAttente.length === 0 ? (
              <p>Aucune candidature n’attend votre décision.</p>
            ) : (
              <ul className="candidatures">
                {liste.enAttente.map((c) => (
                  <li key={c.id}>
                    <CarteCandidature candidature={c} onDecidee={apresDecision} />
                  </li>
                ))}
              </ul>
            )}
            <Decidees decidees={liste.decidees} />
          </>
        )}
      </main>
    </>
  );
}
