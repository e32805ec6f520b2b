/**
 * The outbox (§11.27), worded by the server's own templates (server/src/modules/notifications):
 * candidature transitions, R-INLI, offer taken back, suspensions, propositions, inactivity
 * (their own messages come from ./inactivite). Most were delivered to the in-app mailbox; the latest ones still wait, one failed.
 */
import { formatDateParis } from '@shared/rules/calendrier';
import { Notification, type INotification } from '@server/modules/notifications/Notification.entity';
import { TEMPLATES } from '@server/modules/notifications/templates';
import type { CanalDemande } from '@shared/domain/enums';
import type { CandidaturePlan, Etape } from './candidatures-types';
import { inserer, type SeedContext } from './context';
import type { PersonnePlan } from './plan';
import type { PropositionSeed } from './propositions';
import type { SuspensionSeed } from './suspensions';
import { MINUTE, min, plusMs } from './util';
import { MOTIF_REPRISE } from './offres-data';

export type Donnees = Record<string, string | number | null>;

export interface Message {
  personne: PersonnePlan;
  at: Date;
  template: string;
  donnees: Donnees;
  cle: string;
  entite: string;
  entiteId: number;
}

const EN_ATTENTE = 10;
const CANAL: Record<CanalDemande, string> = { telephone: 'par téléphone', courriel: 'par courriel', reclamation: 'par réclamation' };
const TEMPLATE_ETAPE: Record<string, string> = {
  instruire: 'candidature_en_instruction',
  designer: 'candidature_transmise_bailleur',
  attribuer: 'candidature_attribuee',
  ne_pas_retenir: 'candidature_non_retenue',
  cloturer: 'candidature_cloturee',
};

const identite = (p: PersonnePlan): Donnees => ({ civilite: p.civilite, prenom: p.prenom, nom: p.nom });

function pourEtape(c: CandidaturePlan, e: Etape): { template: string; donnees: Donnees } | null {
  const base: Donnees = { ...identite(c.personne), reference: c.reference, offre: `${c.offre.reference} — ${c.offre.titre}`, bailleur: c.offre.programme.bailleur.nom };
  if (e.action === 'cloturer' && e.motif === MOTIF_REPRISE) return { template: 'offre_reprise', donnees: { ...base, offre: c.offre.reference, titre: c.offre.titre } };
  if (e.action === 'annuler') return e.acteur === 'agent' && e.canal ? { template: 'candidature_annulee', donnees: { ...base, canal: CANAL[e.canal] } } : null;
  const template = TEMPLATE_ETAPE[e.action];
  return template ? { template, donnees: { ...base, motif: e.motif } } : null;
}

function messages(candidatures: CandidaturePlan[], suspensions: SuspensionSeed[], propositions: PropositionSeed[]): Message[] {
  const out: Message[] = [];
  for (const c of candidatures) {
    for (const e of c.etapes) {
      const m = pourEtape(c, e);
      const lien = { personne: c.personne, at: plusMs(e.at, MINUTE), entite: 'candidature', entiteId: c.id };
      if (m) out.push({ ...lien, ...m, cle: `seed:candidature:${c.id}:${e.action}` });
      if (e.action === 'candidater' && c.offre.estInli) {
        out.push({ ...lien, template: 'candidature_inli', donnees: { ...identite(c.personne), reference: c.reference, offre: `${c.offre.reference} — ${c.offre.titre}` }, cle: `seed:inli:${c.id}` });
      }
    }
  }
  for (const s of suspensions) {
    const demande = s.personne.demandes.find((d) => d.clotureLe?.getTime() === s.debut.getTime());
    out.push({
      personne: s.personne, at: plusMs(s.debut, 5 * MINUTE), entite: 'suspension', entiteId: s.id, cle: `seed:suspension:${s.id}`, template: 'suspension_appliquee',
      donnees: { ...identite(s.personne), dureeMois: s.dureeMois, debut: formatDateParis(s.debut), fin: formatDateParis(s.fin), categorie: s.type, demande: demande?.reference ?? null },
    });
  }
  for (const x of propositions) {
    const donnees = { ...identite(x.personne), offre: x.offre.reference, titre: x.offre.titre, commune: x.offre.programme.commune, message: x.message, expireLe: formatDateParis(x.expireLe) };
    out.push({ personne: x.personne, at: plusMs(x.envoyeeLe, MINUTE), entite: 'proposition', entiteId: x.id, cle: `seed:proposition:${x.id}`, template: 'proposition_recue', donnees });
    if (x.statut === 'expiree') {
      out.push({ personne: x.personne, at: plusMs(x.expireLe, MINUTE), entite: 'proposition', entiteId: x.id, cle: `seed:proposition:${x.id}:expiree`, template: 'proposition_expiree', donnees });
    }
  }
  return out;
}

export async function seedNotifications(
  ctx: SeedContext,
  candidatures: CandidaturePlan[],
  suspensions: SuspensionSeed[],
  propositions: PropositionSeed[],
  autres: Message[],
): Promise<number> {
  const tous = [...messages(candidatures, suspensions, propositions), ...autres]
    .filter((m) => m.at.getTime() <= ctx.now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || a.cle.localeCompare(b.cle));
  const rows = tous.map((m, i) => {
    const rendu = TEMPLATES[m.template];
    if (!rendu) throw new Error(`seed: gabarit de notification inconnu ${m.template}`);
    const { sujet, corps } = rendu(m.donnees);
    const attente = i >= tous.length - EN_ATTENTE;
    const echec = i === tous.length - EN_ATTENTE - 1;
    return {
      demandeur: m.personne.id,
      destinataire: m.personne.email.toLowerCase(),
      template: m.template,
      sujet,
      corps,
      donnees: m.donnees,
      cle: m.cle,
      statut: attente ? ('a_envoyer' as const) : echec ? ('echec' as const) : ('envoyee' as const),
      tentatives: attente ? 0 : echec ? 5 : 1,
      prochainEssai: attente ? m.at : null,
      // Demo mode has no SMTP: delivered notifications sit in the outbox-as-mailbox ("boite").
      canal: attente ? null : 'boite',
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
