/**
 * §11.17, §11.25, R-ELIG, R-LIMIT: may this offer be proposed to this demandeur, and why. Only
 * shared rules decide (verifierCandidature with origine `proposition`, which runs
 * verifierEligibilite; palierCandidature for the order); this file adds the facts the rules do
 * not know (account state, search sector, a proposition already pending) and the words.
 */
import type { Refus } from '@shared/domain/types';
import { formatDateParis } from '@shared/rules/calendrier';
import { libellePalier, palierCandidature } from '@shared/rules/classement';
import { plafondApplicable } from '@shared/rules/eligibilite';
import { MAX_CANDIDATURES_CLASSIQUE, verifierCandidature } from '@shared/rules/limites';
import type { BaseCandidat, Candidat, OffreCible } from './candidats';

/** Where the demandeur searches (the sector that reaches the offer, or the nearest one). */
export interface SecteurTrouve {
  commune: string;
  rayonKm: number;
  distanceKm: number;
  atteint: boolean;
}

export type CodeEcart = 'COMPTE_INACTIF' | 'HORS_SECTEUR' | 'DEJA_PROPOSEE' | 'DEMANDEUR_INCONNU' | 'OFFRE_RETIREE' | string;

export type Evaluation =
  | { ok: true; palier: number; libellePalier: string; raisons: string[] }
  | { ok: false; code: CodeEcart; raison: string; refus: Refus[] };

const euros = (n: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(n)} €`;
export const km = (n: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(n)} km`;
const personnes = (n: number) => `${n} personne${n > 1 ? 's' : ''}`;

export function raisonSecteur(s: SecteurTrouve, offre: Pick<OffreCible, 'commune'>): string {
  if (!s.atteint) return `Hors secteur : ${offre.commune} est à ${km(s.distanceKm)} de ${s.commune}, au-delà du rayon de recherche de ${km(s.rayonKm)}.`;
  if (s.distanceKm < 0.05) return `Recherche sur ${s.commune}${s.rayonKm > 0 ? ` (rayon de ${km(s.rayonKm)})` : ''}.`;
  return `Recherche autour de ${s.commune} dans un rayon de ${km(s.rayonKm)} : l’offre est à ${km(s.distanceKm)}.`;
}

export function evaluer(offre: OffreCible, c: Candidat<BaseCandidat>, maintenant: Date, secteur?: SecteurTrouve): Evaluation {
  const refus: Refus[] = [];
  if (offre.retiree) refus.push({ code: 'OFFRE_RETIREE', raison: 'L’offre a été reprise par le bailleur ou attribuée hors plateforme.' });
  if (!c.base.compteActif) refus.push({ code: 'COMPTE_INACTIF', raison: 'Le compte du demandeur n’est pas actif (fermé, désactivé ou non vérifié).' });
  if (secteur && !secteur.atteint) refus.push({ code: 'HORS_SECTEUR', raison: raisonSecteur(secteur, offre) });
  const verdict = verifierCandidature({
    offre,
    demande: c.demande,
    justificatifs: c.justificatifs,
    candidatures: c.candidatures,
    suspensions: c.suspensions,
    origine: 'proposition',
    maintenant,
  });
  if (!verdict.ok) refus.push(...verdict.refus.map(({ code, raison }) => ({ code, raison })));
  const envoyee = c.propositionsEnAttente.get(offre.id);
  if (envoyee) refus.push({ code: 'DEJA_PROPOSEE', raison: `Cette offre lui a déjà été proposée le ${formatDateParis(envoyee)} ; la proposition attend sa réponse.` });
  if (refus.length > 0 || !c.demande || c.base.demandeId === null || c.base.dateDemande === null) {
    const premier = refus[0] ?? { code: 'DEMANDE_INCOMPLETE', raison: 'Aucune demande complète.' };
    return { ok: false, code: premier.code, raison: premier.raison, refus };
  }
  const demande = c.demande;
  const palier = palierCandidature(
    offre,
    { candidature: { id: c.base.demandeId, statut: 'deposee', dateCandidature: c.base.dateDemande }, demande, justificatifs: c.justificatifs },
    maintenant,
  );
  const raisons: string[] = [];
  if (secteur) raisons.push(raisonSecteur(secteur, offre));
  const plafond = plafondApplicable(offre.plafonds, demande.nombrePersonnes);
  raisons.push(
    plafond === null
      ? 'Pas de plafond de ressources pour cette offre.'
      : `Revenu fiscal de référence de ${euros(demande.revenuFiscalReference)}, sous le plafond de ${euros(plafond)} pour ${personnes(demande.nombrePersonnes)}.`,
  );
  raisons.push(`Logement ${offre.typologie} adapté à un foyer de ${personnes(demande.nombrePersonnes)}.`);
  if (offre.nature === 'classique') {
    const ouvertes = c.candidatures.filter((x) => x.offre.nature === 'classique').length;
    raisons.push(
      ouvertes === 0
        ? 'Aucune candidature en cours sur un logement classique.'
        : `${ouvertes} candidature${ouvertes > 1 ? 's' : ''} en cours sur des logements classiques (${MAX_CANDIDATURES_CLASSIQUE} au plus).`,
    );
  }
  raisons.push(`Classement indicatif : ${libellePalier(offre.nature, palier)}, demande du ${formatDateParis(c.base.dateDemande)}.`);
  return { ok: true, palier, libellePalier: libellePalier(offre.nature, palier), raisons };
}
