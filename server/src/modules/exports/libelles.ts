import type { Civilite, PublicCible, SituationPrioritaire, StatutCandidature, TypeJustificatif } from '@shared/domain/enums';

/** French labels written into the files sent outside (the console has its own catalogue). */
export const SITUATIONS: Record<SituationPrioritaire, string> = {
  sans_domicile: 'Sans domicile / mise à l’abri',
  fin_hebergement: 'Fin d’hébergement proche',
  violences_familiales: 'Victime de violences familiales',
  hotel: 'Vit à l’hôtel',
  mobilite_professionnelle: 'Mobilité professionnelle',
  acces_emploi: 'Accès à l’emploi conditionné par le logement',
};

export const PUBLICS: Record<PublicCible, string> = {
  peec: 'PEEC', peaec: 'PEAEC', pseec: 'PSEEC', dalo: 'DALO', daho: 'DAHO', hors_public_cible: 'Hors public cible',
};

export const PIECES: Record<TypeJustificatif, string> = {
  identite: 'Pièce d’identité',
  ressources: 'Justificatif de ressources',
  avis_imposition: 'Avis d’imposition',
  attestation_employeur: 'Attestation employeur',
  bulletin_salaire: 'Bulletin de salaire',
  justificatif_domicile: 'Justificatif de domicile',
  attestation_hebergement: 'Attestation d’hébergement',
  justificatif_situation: 'Justificatif de situation',
  reconnaissance_dalo_daho: 'Reconnaissance DALO / DAHO',
};

export const STATUTS: Partial<Record<StatutCandidature, string>> = { transmise_bailleur: 'Transmise au bailleur', attribuee: 'Attribuée' };

export const CIVILITES: Record<Civilite, string> = { M: 'M.', Mme: 'Mme' };

/** Category of the demande's priority: accompanied, declared situations, or none. */
export function categoriePriorite(accompagne: boolean, situations: readonly SituationPrioritaire[]): string {
  const parts = [...(accompagne ? ['Accompagné par le service salariés en difficulté'] : []), ...situations.map((s) => SITUATIONS[s] ?? s)];
  return parts.length ? parts.join(' ; ') : 'Aucune';
}

export function personne(civilite: string | null | undefined, prenom: string | null | undefined, nom: string | null | undefined): string {
  return [civilite ? CIVILITES[civilite as Civilite] ?? civilite : null, prenom, nom].filter(Boolean).join(' ');
}

const DATE_FR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', day: '2-digit', month: '2-digit', year: 'numeric' });
const DATE_HEURE_FR = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
export const dateFr = (d: Date | string) => DATE_FR.format(typeof d === 'string' && d.length === 10 ? new Date(`${d}T12:00:00Z`) : new Date(d));
export const dateHeureFr = (d: Date | string) => DATE_HEURE_FR.format(new Date(d));
