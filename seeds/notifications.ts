/**
 * The outbox (§11.27): one notification per transition the CGU promises to tell, R-INLI's
 * "the bailleur will contact you", suspensions, propositions. Sent ones carry a message id;
 * the latest ones are still waiting, and one failed.
 */
import { formatDateParis } from '../shared/rules/calendrier';
import { Notification, type INotification } from '../server/src/modules/notifications/Notification.entity';
import type { CandidaturePlan, Etape } from './candidatures-types';
import { inserer, type SeedContext } from './context';
import type { PersonnePlan } from './plan';
import type { PropositionSeed } from './propositions';
import type { SuspensionSeed } from './suspensions';
import { MINUTE, min, plusMs } from './util';

interface Message {
  personne: PersonnePlan;
  at: Date;
  template: string;
  sujet: string;
  corps: string;
  donnees: Record<string, unknown>;
  cle: string;
  entite: string;
  entiteId: number;
}

const EN_ATTENTE = 10;

function pourEtape(c: CandidaturePlan, e: Etape): Omit<Message, 'personne' | 'at' | 'cle' | 'entite' | 'entiteId' | 'donnees'> | null {
  const o = `l’offre ${c.offre.reference}`;
  const bonjour = `Bonjour ${c.personne.prenom} ${c.personne.nom},\n\n`;
  const fin = '\n\nL’équipe Action Logement Services';
  switch (e.action) {
    case 'candidater':
      return { template: 'candidature_deposee', sujet: `Votre candidature ${c.reference} est enregistrée`, corps: `${bonjour}Votre candidature sur ${o} a bien été enregistrée le ${formatDateParis(e.at)}.${fin}` };
    case 'instruire':
      return { template: 'candidature_en_instruction', sujet: 'Votre candidature est en cours d’instruction', corps: `${bonjour}Un conseiller examine votre candidature ${c.reference} sur ${o}.${fin}` };
    case 'designer':
      return { template: 'candidature_transmise', sujet: 'Votre candidature a été transmise au bailleur', corps: `${bonjour}Votre dossier ${c.reference} a été transmis au bailleur pour ${o}. Le bailleur vous contactera.${fin}` };
    case 'attribuer':
      return { template: 'candidature_attribuee', sujet: 'Le logement vous est attribué', corps: `${bonjour}Bonne nouvelle : le bailleur vous attribue le logement de ${o}.${fin}` };
    case 'ne_pas_retenir':
      return { template: 'candidature_non_retenue', sujet: 'Votre candidature n’a pas été retenue', corps: `${bonjour}Votre candidature ${c.reference} n’a pas été retenue. Motif : ${e.motif}.${fin}` };
    case 'annuler':
      return e.acteur === 'agent'
        ? { template: 'candidature_annulee', sujet: 'Votre candidature a été annulée', corps: `${bonjour}Comme vous l’avez demandé, votre candidature ${c.reference} a été annulée. Motif : ${e.motif}.${fin}` }
        : null;
    case 'cloturer':
      return { template: 'candidature_cloturee', sujet: 'Votre candidature a été clôturée', corps: `${bonjour}Votre candidature ${c.reference} a été clôturée. Motif : ${e.motif}.${fin}` };
    default:
      return null;
  }
}

export async function seedNotifications(ctx: SeedContext, candidatures: CandidaturePlan[], suspensions: SuspensionSeed[], propositions: PropositionSeed[]): Promise<number> {
  const messages: Message[] = [];
  for (const c of candidatures) {
    for (const e of c.etapes) {
      const m = pourEtape(c, e);
      const base = { personne: c.personne, at: plusMs(e.at, MINUTE), entite: 'candidature', entiteId: c.id, donnees: { candidature: c.reference, offre: c.offre.reference } };
      if (m) messages.push({ ...base, ...m, cle: `seed:candidature:${c.id}:${e.action}` });
      if (e.action === 'candidater' && c.offre.estInli) {
        messages.push({
          ...base,
          template: 'inli_contact',
          sujet: 'Le bailleur In’li va vous contacter',
          corps: `Bonjour ${c.personne.prenom} ${c.personne.nom},\n\nVous avez candidaté sur ${c.offre.reference}, une offre du bailleur In’li. In’li vous contactera directement pour la suite de votre dossier.\n\nL’équipe Action Logement Services`,
          cle: `seed:inli:${c.id}`,
        });
      }
    }
  }
  for (const s of suspensions) {
    const categorie = s.type === 'fraude' ? 'fraude' : 'incivilité';
    messages.push({
      personne: s.personne, at: plusMs(s.debut, 5 * MINUTE), entite: 'suspension', entiteId: s.id, cle: `seed:suspension:${s.id}`,
      template: 'suspension', sujet: 'Suspension de votre accès au service',
      corps: `Bonjour ${s.personne.prenom} ${s.personne.nom},\n\nVotre accès au service est suspendu pour ${s.dureeMois} mois (motif : ${categorie}), jusqu’au ${formatDateParis(s.fin)}. Votre demande en cours a été clôturée. Vous pouvez former une réclamation.\n\nL’équipe Action Logement Services`,
      donnees: { type: s.type, dureeMois: s.dureeMois, fin: s.fin.toISOString() },
    });
  }
  for (const x of propositions) {
    messages.push({
      personne: x.personne, at: plusMs(x.envoyeeLe, MINUTE), entite: 'proposition', entiteId: x.id, cle: `seed:proposition:${x.id}`,
      template: 'proposition', sujet: 'Un conseiller vous propose un logement',
      corps: `Bonjour ${x.personne.prenom} ${x.personne.nom},\n\n${x.message}\nOffre ${x.offre.reference}, à consulter avant le ${formatDateParis(x.expireLe)}.\n\nL’équipe Action Logement Services`,
      donnees: { offre: x.offre.reference },
    });
  }
  messages.sort((a, b) => a.at.getTime() - b.at.getTime() || a.cle.localeCompare(b.cle));
  const visibles = messages.filter((m) => m.at.getTime() <= ctx.now.getTime());
  const rows = visibles.map((m, i) => {
    const attente = i >= visibles.length - EN_ATTENTE;
    const echec = i === visibles.length - EN_ATTENTE - 1;
    return {
      demandeur: m.personne.id,
      destinataire: m.personne.email.toLowerCase(),
      template: m.template,
      sujet: m.sujet,
      corps: m.corps,
      donnees: m.donnees,
      cle: m.cle,
      statut: attente ? ('a_envoyer' as const) : echec ? ('echec' as const) : ('envoyee' as const),
      tentatives: attente ? 0 : echec ? 5 : 1,
      prochainEssai: attente ? m.at : null,
      messageId: attente || echec ? null : `<seed.${i + 1}@als.test>`,
      envoyeeLe: attente || echec ? null : min(ctx.now, plusMs(m.at, MINUTE)),
      erreur: echec ? '550 5.1.1 Adresse inconnue : boîte aux lettres introuvable' : null,
      entite: m.entite,
      entiteId: m.entiteId,
      createdAt: m.at,
    };
  });
  await inserer<INotification>(ctx.em, Notification, rows);
  return rows.length;
}
