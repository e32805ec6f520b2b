/**
 * DATA-RETENTION (§4.2, §11.13, §11.14, §18 of the CGU; CNIL guidance where they give no duration):
 * how long each kind of personal data is kept, from which event, and what happens then.
 *
 * The CGU give one duration only (a suspension lasts 6 months to 5 years, §11.13) and otherwise
 * say "pour une durée strictement nécessaire aux finalités poursuivies" (§11.14); the other
 * durations come from CNIL texts, named in `source`. The daily `conservation` job
 * (server/src/modules/conservation/) applies the entries whose `appliquePar` is that job; the
 * others name the job or mechanism that already applies them. One clock (`maintenant`) is passed
 * in; a limit is reached on the day `debut + duree` (calendar months, as SQL `interval` counts).
 */

export type ActionConservation = 'suppression' | 'anonymisation' | 'effacement_contenu' | 'conservation';

export interface Duree {
  mois?: number;
  jours?: number;
  heures?: number;
}

export interface EntreeConservation {
  cle: string;
  /** French, for the console and the README. */
  donnees: string;
  duree: Duree;
  /** French: the event the period starts from. */
  depart: string;
  action: ActionConservation;
  /** French: what the action does exactly. */
  effet: string;
  source: string;
  /** The job (or mechanism) that applies it. */
  appliquePar: string;
}

export const CONSERVATION = [
  {
    cle: 'compte_ferme',
    donnees: 'Compte fermé : identité, coordonnées, date de naissance, mot de passe, revenus et foyer des demandes, pièces justificatives (fichiers)',
    duree: { mois: 12 },
    depart: 'fermeture du compte (par le demandeur, §4.2, ou par le contrôle fraude) ; jamais pendant une suspension en cours',
    action: 'anonymisation',
    effet:
      'nom et prénom remplacés, e-mail, téléphone, date de naissance et mot de passe effacés ; revenus, codemandeur, lieu de travail et logement actuel effacés des demandes ; fichiers des pièces supprimés du stockage (les lignes restent, sans nom de fichier) ; corps des courriels effacés ; textes libres écrits sur la personne effacés (notes des agents hors contrôle fraude, commentaire du bailleur sur sa décision, motif d’une pièce demandée ou refusée, message d’une proposition) ; identité copiée dans les preuves des signalements effacée (nom, e-mail, téléphone, date de naissance, clé de rapprochement, noms de fichiers). Les candidatures, offres, décisions et dates restent : les statistiques (R-STATS) portent sur elles.',
    source: 'Décret n° 2017-917 du 9 mai 2017, art. 4 (demandes de logement : un an après la radiation) ; CNIL, pack de conformité « Logement social », fiche 3 ; CGU §4.2 et §18.2',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'suspension_motif',
    donnees: 'Motif d’une suspension (constat de fraude ou d’incivilité) et motif de sa levée',
    duree: { mois: 12 },
    depart: 'fin de la suspension',
    action: 'effacement_contenu',
    effet: 'les textes des motifs sont effacés ; la catégorie, les dates et la récidive restent (contrôle renforcé, §11.13, et statistiques)',
    source: 'CGU §11.13 (suspension de 6 mois à 5 ans, récidive) et §11.14 (« durée strictement nécessaire ») ; 12 mois après la fin : durée retenue pour apprécier une récidive, à valider par le DPO',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'signalement_infirme',
    donnees: 'Signalement de fraude infirmé : preuves (identité, e-mail, téléphone des comptes rapprochés, fichiers, métadonnées) et conclusion',
    duree: { mois: 1 },
    depart: 'clôture du signalement comme infirmé',
    action: 'effacement_contenu',
    effet: 'les preuves et la conclusion sont effacées, la clé de rapprochement remplacée par son empreinte (la même alerte n’est pas relevée de nouveau) ; le type, le score, les comptes concernés (numéros), le statut et les dates restent',
    source: 'CNIL, autorisation unique AU-039 (lutte contre la fraude : une alerte jugée non pertinente est supprimée sans délai), par analogie ; CGU §11.14 (« durée strictement nécessaire ») ; 1 mois, le temps d’une contestation de la clôture : durée retenue, à valider par le DPO',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'constat_fraude',
    donnees: 'Constats du contrôle fraude : preuves et conclusion d’un signalement confirmé, motif de falsification d’une pièce, notes du contrôle fraude',
    duree: { mois: 60 },
    depart: 'clôture du signalement comme confirmé, constat de falsification de la pièce, écriture de la note',
    action: 'effacement_contenu',
    effet: 'preuves, conclusion, motif de falsification et texte des notes effacés, clé de rapprochement remplacée par son empreinte ; le type, le statut, la pièce « falsifiée » et les dates restent. L’identité copiée dans les preuves part dès l’anonymisation du compte (compte fermé).',
    source: 'CNIL, autorisation unique AU-039 (fraude établie : 5 ans au plus après la clôture du dossier de fraude), par analogie ; Code civil, art. 2224 (prescription de 5 ans) ; CGU §11.13 et §11.14 ; à valider par le DPO',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'session',
    donnees: 'Sessions (agents, demandeurs, bailleurs) : adresse IP, navigateur, dates de connexion',
    duree: { mois: 6 },
    depart: 'fin de la session (expiration ou déconnexion)',
    action: 'suppression',
    effet: 'la ligne de session est supprimée',
    source: 'CNIL, délibération 2021-122 (journalisation : 6 mois à 1 an)',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'trace_acces',
    donnees: 'Traces des consultations de données personnelles par les agents (table trace_acces : qui, quand, quel dossier ou quel filtre, depuis quelle adresse)',
    duree: { mois: 6 },
    depart: 'consultation',
    action: 'suppression',
    effet: 'la trace est supprimée ; une lecture également écrite au journal d’audit (données de fraude, fichier ouvert, export téléchargé, paquet RGPD) y reste, voir « Journal d’audit »',
    source: 'CNIL, délibération 2021-122 (journalisation : 6 mois)',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'ip_bailleur',
    donnees: 'Adresses IP des bailleurs : ouvertures de leurs liens, téléchargements, décisions',
    duree: { mois: 6 },
    depart: 'accès ou décision',
    action: 'effacement_contenu',
    effet: 'l’adresse IP est effacée ; l’accès ou la décision, sa date et sa source restent (preuve de la transmission et de la décision)',
    source: 'CNIL, délibération 2021-122 (journalisation : 6 mois à 1 an)',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'lien_verification',
    donnees: 'Liens de vérification d’e-mail (empreinte du jeton)',
    duree: { jours: 7 },
    depart: 'utilisation ou expiration du lien',
    action: 'suppression',
    effet: 'la ligne est supprimée',
    source: 'CNIL, guide de la sécurité des données personnelles (ne garder un secret que le temps de son usage) ; 7 jours : durée retenue, à valider par le DPO',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'courriel_envoye',
    donnees: 'Corps des courriels envoyés ou définitivement en échec (boîte d’envoi) et leurs données de gabarit',
    duree: { mois: 6 },
    depart: 'envoi du courriel (en échec : sa création)',
    action: 'effacement_contenu',
    effet: 'le texte et les données du courriel sont effacés ; destinataire, gabarit, sujet et date restent (preuve d’envoi, R-INACT)',
    source: 'CGU §11.6 (clôture après 4 mois d’inactivité : preuve des avertissements) ; 6 mois : durée retenue, à valider par le DPO',
    appliquePar: 'tâche « conservation » (quotidienne)',
  },
  {
    cle: 'limitation_connexions',
    donnees: 'Compteurs d’échecs de connexion (e-mail saisi) et de limitation de débit (adresse IP)',
    duree: { heures: 24 },
    depart: 'fin de la fenêtre de comptage',
    action: 'suppression',
    effet: 'les compteurs périmés sont supprimés',
    source: 'CNIL, délibération 2022-100 (mots de passe : blocage temporaire, fenêtre de 24 h)',
    appliquePar: 'tâche « purge-limites » (toutes les heures)',
  },
  {
    cle: 'export',
    donnees: 'Fichiers d’export remis aux bailleurs et entreprises (XLSX, PDF)',
    duree: { heures: 72 },
    depart: 'production de l’export',
    action: 'suppression',
    effet: 'le fichier est supprimé, l’export devient « expiré »',
    source: 'CGU §11.12 et §18.5 (données communiquées, le temps de la transmission) ; EXPORT_TTL_HOURS',
    appliquePar: 'tâche « exports-maintenance » (chaque minute)',
  },
  {
    cle: 'journal_audit',
    donnees: 'Journal d’audit (qui a fait quoi, quand, sur quel dossier, depuis quelle adresse), y compris les lectures qui y sont écrites : données de fraude lues (lecture_donnees_fraude), fichier d’une pièce ouvert (consultation_fichier), export téléchargé (telechargement), paquet RGPD produit (acces_donnees)',
    duree: { mois: 60 },
    depart: 'événement',
    action: 'conservation',
    effet: 'journal en ajout seul, chaîné et scellé par jour : il n’est ni modifié ni purgé par l’application, ses lectures pas plus que ses actes (les retirer au bout de 6 mois casserait la chaîne) ; une purge par journées scellées entières, au-delà de 5 ans, reste à écrire',
    source: 'Code civil, art. 2224 (prescription de 5 ans) ; CNIL, délibération 2021-122',
    appliquePar: 'aucune purge automatique (voir README)',
  },
] as const satisfies readonly EntreeConservation[];

export type CleConservation = (typeof CONSERVATION)[number]['cle'];

export function entreeConservation(cle: CleConservation): EntreeConservation {
  return CONSERVATION.find((e) => e.cle === cle)!;
}

/** The PostgreSQL interval of a duration ('12 months', '7 days 0 hours'). */
export function intervalle(d: Duree): string {
  return `${d.mois ?? 0} months ${d.jours ?? 0} days ${d.heures ?? 0} hours`;
}

/** The first instant at which data whose period started at `debut` is past its period (calendar months, UTC). */
export function finDeConservation(debut: Date, d: Duree): Date {
  const x = new Date(debut.getTime());
  if (d.mois) x.setUTCMonth(x.getUTCMonth() + d.mois);
  if (d.jours) x.setUTCDate(x.getUTCDate() + d.jours);
  if (d.heures) x.setUTCHours(x.getUTCHours() + d.heures);
  return x;
}

/** French text of a duration, for the console and the README ("12 mois", "7 jours", "24 heures"). */
export function libelleDuree(d: Duree): string {
  const p: string[] = [];
  if (d.mois) p.push(d.mois % 12 === 0 && d.mois >= 24 ? `${d.mois / 12} ans` : `${d.mois} mois`);
  if (d.jours) p.push(`${d.jours} jour${d.jours > 1 ? 's' : ''}`);
  if (d.heures) p.push(`${d.heures} heure${d.heures > 1 ? 's' : ''}`);
  return p.join(' ') || 'aucune';
}

/** The latest period start that is past its period at `maintenant` (debut <= this ⇔ finDeConservation(debut) <= maintenant, away from month ends). */
export function limiteDeConservation(maintenant: Date, d: Duree): Date {
  return finDeConservation(maintenant, { mois: -(d.mois ?? 0), jours: -(d.jours ?? 0), heures: -(d.heures ?? 0) });
}
