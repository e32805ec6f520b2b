/**
 * French templates of every notification the rules promise (§11.27 and others). One function
 * per template: data in, subject and plain-text body out. Delivery (jobs/outbox.ts) adds the
 * HTML alternative, built from the stored plain text by html.ts (same words, links clickable).
 */
export interface Message {
  sujet: string;
  corps: string;
}
type Donnees = Record<string, string | number | null | undefined>;

const signature = '\n\nAction Logement Services — Plateforme logement\nCe message est envoyé automatiquement, merci de ne pas y répondre.';
const bonjour = (d: Donnees) => `Bonjour ${[d.civilite, d.prenom, d.nom].filter(Boolean).join(' ')},\n\n`;

export const TEMPLATES: Record<string, (d: Donnees) => Message> = {
  candidature_en_instruction: (d) => ({
    sujet: `Votre candidature ${d.reference} est en cours d’instruction`,
    corps: `${bonjour(d)}Votre candidature ${d.reference} pour l’offre ${d.offre} est désormais examinée par un conseiller. Vous ne pouvez plus l’annuler vous-même ; pour toute demande, contactez votre conseiller.${signature}`,
  }),
  candidature_transmise_bailleur: (d) => ({
    sujet: `Votre candidature ${d.reference} a été transmise au bailleur`,
    corps: `${bonjour(d)}Votre candidature ${d.reference} pour l’offre ${d.offre} a été retenue et transmise au bailleur ${d.bailleur}, qui prendra la décision d’attribution.${signature}`,
  }),
  candidature_attribuee: (d) => ({
    sujet: `Logement attribué : candidature ${d.reference}`,
    corps: `${bonjour(d)}Le bailleur a attribué le logement de l’offre ${d.offre} à votre candidature ${d.reference}. Il vous contactera pour la suite.${signature}`,
  }),
  candidature_non_retenue: (d) => ({
    sujet: `Votre candidature ${d.reference} n’a pas été retenue`,
    corps: `${bonjour(d)}Votre candidature ${d.reference} pour l’offre ${d.offre} n’a pas été retenue.${d.motif ? `\nMotif : ${d.motif}` : ''}\nVous pouvez continuer à candidater sur les autres offres qui vous sont accessibles.${signature}`,
  }),
  candidature_annulee: (d) => ({
    sujet: `Annulation de votre candidature ${d.reference}`,
    corps: `${bonjour(d)}À votre demande (${d.canal}), votre candidature ${d.reference} pour l’offre ${d.offre} a été annulée.${signature}`,
  }),
  candidature_cloturee: (d) => ({
    sujet: `Clôture de votre candidature ${d.reference}`,
    corps: `${bonjour(d)}Votre candidature ${d.reference} pour l’offre ${d.offre} a été clôturée.${d.motif ? `\nMotif : ${d.motif}` : ''}${signature}`,
  }),
  justificatif_refuse: (d) => ({
    sujet: 'Une pièce de votre dossier a été refusée',
    corps: `${bonjour(d)}La pièce « ${d.piece} » de votre dossier a été refusée par votre conseiller.\nMotif : ${d.motif}\nMerci de déposer un nouveau document depuis votre espace demandeur.${signature}`,
  }),
  // Issue #15: an agent asks for a missing or refused piece of a dossier (which piece, why, where to deposit it).
  piece_demandee: (d) => ({
    sujet: `Pièce à fournir pour votre candidature ${d.reference}`,
    corps: `${bonjour(d)}Pour instruire votre candidature ${d.reference}${d.offre ? ` (offre ${d.offre})` : ''}, votre conseiller vous demande de fournir la pièce suivante : ${d.piece}${d.titulaire ? ` (${d.titulaire})` : ''}.\nMotif : ${d.motif}\n\nDéposez-la depuis votre espace demandeur, rubrique « Mes pièces » :\n${d.lien}\n\nTant que cette pièce manque, votre dossier ne peut pas être transmis au bailleur.${signature}`,
  }),
  compte_verification: (d) => ({
    sujet: 'Vérifiez votre adresse électronique pour activer votre espace demandeur',
    corps: `${bonjour(d)}Pour activer votre espace demandeur, confirmez votre adresse électronique avec ce lien, valable 72 heures (jusqu’au ${d.expireLe}) :\n${d.lien}\n\nCode de vérification : ${d.token}\n\nPassé ce délai, le lien sera inactif : demandez-en un nouveau avec « Renvoyer le lien de vérification ». Si vous n’êtes pas à l’origine de cette inscription, ignorez ce message.${signature}`,
  }),
  compte_existant: (d) => ({
    sujet: 'Une inscription a été tentée avec votre adresse électronique',
    corps: `${bonjour(d)}Quelqu’un (peut-être vous) a voulu créer un espace demandeur avec cette adresse électronique, mais un compte existe déjà : un seul espace demandeur par personne est possible. Connectez-vous avec votre mot de passe habituel${d.ferme ? ' ; ce compte a été fermé, contactez le service client d’Action Logement Services pour le rouvrir' : ''}.\nSi vous n’êtes pas à l’origine de cette demande, ignorez ce message.${signature}`,
  }),
  compte_ferme: (d) => ({
    sujet: 'Fermeture de votre espace demandeur',
    corps: `${bonjour(d)}À votre demande, votre espace demandeur a été fermé le ${d.date}.${d.demande ? ` Votre demande de logement ${d.demande} est clôturée.` : ''}${d.candidatures ? `\nCandidatures clôturées : ${d.candidatures}.` : ''}\nVous restez responsable de l’utilisation antérieure de votre espace (CGU, article 4.2).${signature}`,
  }),
  candidature_inli: (d) => ({
    sujet: `Votre candidature ${d.reference} auprès du bailleur In’li`,
    corps: `${bonjour(d)}Vous avez postulé à l’offre ${d.offre} du bailleur In’li. Les services d’In’li vont vous contacter : ils vous demanderont d’ouvrir un compte sur la plateforme In’li et auront ensuite accès aux pièces justificatives socles de votre dossier (identité, ressources, avis d’imposition).${signature}`,
  }),
  // R-INACT (§11.6): the three steps of the inactivity calendar.
  inactivite_avertissement: (d) => ({
    sujet: 'Votre demande de logement sera clôturée sans action de votre part',
    corps: `${bonjour(d)}Nous n’avons constaté aucune activité sur votre espace demandeur ni sur votre demande de logement ${d.demande} depuis le ${d.derniereActivite}.\n\nSans connexion ni mise à jour de votre dossier avant le ${d.dateCloture}, votre demande et vos candidatures en cours seront automatiquement clôturées (conditions générales d’utilisation, article 11.6).\n\nPour conserver votre demande, il vous suffit de vous connecter à votre espace demandeur ou de mettre à jour votre dossier.${signature}`,
  }),
  inactivite_relance: (d) => ({
    sujet: 'Rappel : votre demande de logement sera clôturée dans 3 jours',
    corps: `${bonjour(d)}Sans action de votre part, votre demande de logement ${d.demande} et vos candidatures en cours seront automatiquement clôturées à partir du ${d.dateCloture}, au terme de 4 mois sans activité.\n\nUne simple connexion à votre espace demandeur ou une mise à jour de votre dossier suffit à maintenir votre demande.${signature}`,
  }),
  inactivite_cloture: (d) => ({
    sujet: 'Clôture de votre demande de logement pour inactivité',
    corps: `${bonjour(d)}Faute d’activité sur votre espace demandeur et votre dossier pendant 4 mois, votre demande de logement ${d.demande} a été automatiquement clôturée le ${d.date}.${d.candidatures ? `\nCandidatures clôturées : ${d.candidatures}.` : ''}\n\nVous pouvez toujours vous connecter à votre compte. Pour poursuivre vos recherches, créez une nouvelle demande et déposez à nouveau les pièces justificatives nécessaires. Pour toute question, contactez le service Réclamations d’Action Logement Services.${signature}`,
  }),
  // §11.27: the bailleur took the offer back (its open candidatures are closed, its pending propositions expire).
  offre_reprise: (d) => ({
    sujet: `L’offre ${d.offre} n’est plus disponible`,
    corps: `${bonjour(d)}Le bailleur ${d.bailleur} a décidé de reprendre le logement de l’offre ${d.offre}${d.titre ? ` (${d.titre})` : ''}, qui n’est plus disponible sur la plateforme. ${d.reference ? `Votre candidature ${d.reference} est donc clôturée.` : 'La proposition qui vous avait été faite pour cette offre n’est plus valable.'}\n\nVous pouvez continuer à candidater sur les autres offres qui vous sont accessibles.${signature}`,
  }),
  // §11.13: told afterwards of the category of motive and the duration.
  suspension_appliquee: (d) => ({
    sujet: 'Suspension de votre accès au service de demande de logement',
    corps: `${bonjour(d)}Votre accès au service de demande de logement est suspendu pour ${d.dureeMois} mois, du ${d.debut} au ${d.fin}, pour le motif suivant : ${d.categorie === 'fraude' ? 'suspicion de fraude (documents ou informations non conformes)' : 'incivilité envers les équipes d’Action Logement Services'}.${d.demande ? `\nVotre demande de logement ${d.demande} et vos candidatures en cours ont été clôturées.` : ''}\n\nCette suspension ne supprime pas votre compte : vous pouvez toujours vous y connecter. À son terme, toute nouvelle demande fera l’objet d’un contrôle renforcé (conditions générales d’utilisation, article 11.13). Vous pouvez contester cette décision auprès du service Réclamations d’Action Logement Services.${signature}`,
  }),
  // R-SUSP: lifted early (réclamation).
  suspension_levee: (d) => ({
    sujet: 'Levée de la suspension de votre accès au service de demande de logement',
    corps: `${bonjour(d)}La suspension de votre accès au service de demande de logement, prévue jusqu’au ${d.finPrevue}, a été levée le ${d.date}.\n\nVous pouvez de nouveau créer une demande de logement depuis votre espace demandeur ; elle fera l’objet d’un contrôle renforcé (conditions générales d’utilisation, article 11.13).${signature}`,
  }),
  // R-ONE-ACCOUNT (§9.13): an extra account deactivated by fraud control.
  compte_desactive: (d) => ({
    sujet: 'Désactivation de votre espace demandeur',
    corps: `${bonjour(d)}Un demandeur ne peut disposer que d’un seul espace demandeur sur la plateforme logement (conditions générales d’utilisation, article 9.13). Plusieurs comptes ouverts à votre nom ayant été constatés, cet espace demandeur a été désactivé le ${d.date}.${d.demande ? ` La demande de logement ${d.demande} qui y était rattachée est clôturée.` : ''}${d.candidatures ? `\nCandidatures clôturées : ${d.candidatures}.` : ''}\n\nVotre autre espace demandeur reste accessible. Vous pouvez contester cette décision auprès du service Réclamations d’Action Logement Services.${signature}`,
  }),
  // §12: the bailleur let the dwelling outside the platform.
  offre_attribuee_hors_plateforme: (d) => ({
    sujet: `L’offre ${d.offre} n’est plus disponible`,
    corps: `${bonjour(d)}Le logement de l’offre ${d.offre}${d.titre ? ` (${d.titre})` : ''} a été attribué directement par le bailleur, en dehors de la plateforme logement : l’offre n’est plus disponible.\n${d.reference ? `Votre candidature ${d.reference} est donc clôturée.` : 'La proposition qui vous avait été faite pour cette offre n’est plus valable.'}\n\nVous pouvez continuer à candidater sur les autres offres qui vous sont accessibles depuis votre espace demandeur.${signature}`,
  }),
  // §11.17, §11.25: an advisor proposes an offer.
  proposition_recue: (d) => ({
    sujet: `Un conseiller vous propose un logement : offre ${d.offre}`,
    corps: `${bonjour(d)}Un conseiller d’Action Logement Services vous propose l’offre ${d.offre}${d.titre ? ` (${[d.titre, d.commune].filter(Boolean).join(', ')})` : ''}.${d.message ? `\n\nSon message : « ${d.message} »` : ''}\n\nVous êtes libre de l’accepter ou de la refuser depuis votre espace demandeur, jusqu’au ${d.expireLe}.${signature}`,
  }),
  proposition_expiree: (d) => ({
    sujet: `La proposition de logement ${d.offre} a expiré`,
    corps: `${bonjour(d)}Vous n’avez pas répondu avant le ${d.expireLe} à la proposition de l’offre ${d.offre} : elle a expiré et n’est plus disponible.\n\nVous pouvez continuer à candidater sur les offres qui vous sont accessibles depuis votre espace demandeur.${signature}`,
  }),
  // §11.9, §11.10: a piece reached its end of validity.
  justificatif_expire: (d) => ({
    sujet: 'Des pièces de votre dossier ont expiré',
    corps: `${bonjour(d)}Les pièces suivantes de votre demande de logement ${d.demande} ont atteint leur date de fin de validité :\n${d.pieces}\n\nTant qu’elles ne sont pas remplacées, vous ne pouvez plus voir ni candidater sur les offres qui les exigent, et vos candidatures en cours peuvent perdre leur rang. Déposez des documents à jour depuis votre espace demandeur, rubrique « Pièces justificatives ».${signature}`,
  }),
  // Issue #18: designations sent to the bailleur's contact address — a link only, never personal data.
  bailleur_envoi: (d) => ({
    sujet: `Action Logement Services : ${d.nombre} candidature(s) désignée(s) à examiner`,
    corps: `Bonjour,\n\nAction Logement Services vous transmet ${d.nombre} candidature(s) désignée(s) pour ${d.offres}.\n\nLes dossiers sont consultables sur une page sécurisée, où vous enregistrerez aussi la décision de votre commission d’attribution (CALEOL) pour chaque candidature :\n${d.lien}\n\nCe lien personnel est valable jusqu’au ${d.expireLe}. Ne le transférez pas : il donne accès à des données personnelles, et chaque consultation est enregistrée. Pour le compte de ${d.bailleur}.${signature}`,
  }),
  bailleur_relance: (d) => ({
    sujet: `Rappel : ${d.nombre} candidature(s) attendent la décision de votre commission`,
    corps: `Bonjour,\n\n${d.nombre} candidature(s) désignée(s) pour ${d.offres} vous ont été transmises il y a plus de ${d.jours} jours et attendent encore votre décision (attribution ou non-retenue, avec la date de CALEOL).\n\nVous pouvez consulter les dossiers et enregistrer vos décisions ici :\n${d.lien}\n\nCe lien personnel est valable jusqu’au ${d.expireLe}. Pour le compte de ${d.bailleur}.${signature}`,
  }),
  generique: (d) => ({ sujet: String(d.sujet ?? 'Information'), corps: `${bonjour(d)}${d.texte ?? ''}${signature}` }),
};
