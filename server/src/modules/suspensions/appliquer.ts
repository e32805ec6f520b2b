import type { EntityManager } from '@mikro-orm/postgresql';
import type { TypeSuspension } from '@shared/domain/enums';
import { formatDateParis } from '@shared/rules/calendrier';
import { estRecidive, estSuspendu, finSuspension } from '@shared/rules/suspension';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';
import { exigerDureeValide, suspensionsDe } from './apercu';
import { cloturerDossiers } from './cloture';

export interface DemandeSuspension {
  demandeurId: number;
  type: TypeSuspension;
  dureeMois: number;
  motif: string;
}

/** What every agent may read on a closed candidature: never the motive (R-FRAUD-VIS). */
export const MOTIF_CANDIDATURE_SUSPENSION = 'Clôturée : accès du demandeur au service suspendu (CGU 11.13)';

/**
 * R-SUSP (§10.9–10.11, §11.13), in the caller's transaction: the suspension row; the open
 * demande closed with motif fraude|incivilite and every open candidature `cloturee` (shared
 * lifecycle); récidive flagged (shared rule); audit events (the one carrying the motive is
 * `fraude`); the demandeur told afterwards of the category and the duration (outbox). The account
 * itself is untouched: login keeps working (§10.10). Any failure rolls the whole back.
 */
export async function appliquerSuspension(tx: EntityManager, d: DemandeSuspension, agentId: number, now: Date, ip?: string) {
  exigerDureeValide(d.dureeMois);
  const [demandeur] = await tx.execute<{ id: number; email: string; civilite: string; nom: string; prenom: string }[]>(
    `select id, email, civilite, nom, prenom from demandeur where id = ? for update`,
    [d.demandeurId],
  );
  if (!demandeur) throw notFound();
  const anterieures = await suspensionsDe(tx, d.demandeurId);
  if (estSuspendu(anterieures, now)) {
    throw conflict('DEJA_SUSPENDU', 'Ce demandeur est déjà suspendu : levez la suspension en cours avant d’en appliquer une nouvelle.');
  }
  const recidive = estRecidive(anterieures);
  const fin = finSuspension(now, d.dureeMois);
  const [{ id }] = await tx.execute<{ id: number }[]>(
    `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, recidive, cree_par_id, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
    [d.demandeurId, d.type, now, fin, d.dureeMois, d.motif, recidive, agentId, now],
  );
  const effets = await cloturerDossiers(tx, [d.demandeurId], { motifDemande: d.type, motifCandidature: MOTIF_CANDIDATURE_SUSPENSION, agentId, ip, now });
  audit(tx, {
    at: now,
    acteur: { type: 'agent', id: agentId },
    action: 'suspendre',
    entite: 'suspension',
    entiteId: id,
    motif: d.motif,
    fraude: true,
    details: {
      demandeurId: d.demandeurId, type: d.type, dureeMois: d.dureeMois, fin: fin.toISOString(), recidive,
      demandeIds: effets.demandes.map((x) => x.id), candidatureIds: effets.candidatures.map((x) => x.id),
    },
    ip,
  });
  notifier(tx, {
    demandeurId: d.demandeurId,
    destinataire: demandeur.email,
    template: 'suspension_appliquee',
    donnees: {
      civilite: demandeur.civilite, nom: demandeur.nom, prenom: demandeur.prenom, categorie: d.type, dureeMois: d.dureeMois,
      debut: formatDateParis(now), fin: formatDateParis(fin), demande: effets.demandes.map((x) => x.reference).join(', ') || null,
    },
    cle: `suspension:${id}:appliquee`,
    entite: 'suspension',
    entiteId: id,
    now,
  });
  await tx.flush();
  return {
    id,
    recidive,
    demande: effets.demandes[0] ? { id: effets.demandes[0].id, reference: effets.demandes[0].reference } : null,
    candidatures: effets.candidatures.map((c) => ({ id: c.id, reference: c.reference, de: c.statut, offreReference: c.offreReference })),
  };
}
