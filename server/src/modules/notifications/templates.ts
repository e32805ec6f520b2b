/**
 * French templates of every notification the rules promise (§11.27 and others). One function
 * per template: data in, subject and plain-text body out. Delivery (outbox job) is elsewhere.
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
  generique: (d) => ({ sujet: String(d.sujet ?? 'Information'), corps: `${bonjour(d)}${d.texte ?? ''}${signature}` }),
};
