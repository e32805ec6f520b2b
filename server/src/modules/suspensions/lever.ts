import type { EntityManager } from '@mikro-orm/postgresql';
import type { DemandeurTable, SuspensionTable } from '@server/db/schema';
import { formatDateParis } from '@shared/rules/calendrier';
import { estEnVigueur } from '@shared/rules/suspension';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';

type Ligne = Pick<SuspensionTable, 'id' | 'type' | 'debut' | 'fin' | 'levee_le' | 'demandeur_id'> &
  Pick<DemandeurTable, 'email' | 'civilite' | 'nom' | 'prenom'>;

/**
 * R-SUSP: a suspension in force is lifted early (réclamation) with a motif. The demande stays
 * closed; a new one will carry contrôle renforcé (§11.13), set by the portal when it is created.
 */
export async function leverSuspension(tx: EntityManager, id: number, motif: string, agentId: number, now: Date, ip?: string) {
  const [s] = await tx.execute<Ligne[]>(
    `select s.id, s.type, s.debut, s.fin, s.levee_le, s.demandeur_id, dr.email, dr.civilite, dr.nom, dr.prenom
       from suspension s join demandeur dr on dr.id = s.demandeur_id where s.id = ? for update of s`,
    [id],
  );
  if (!s) throw notFound();
  if (s.levee_le !== null) throw conflict('SUSPENSION_DEJA_LEVEE', `Cette suspension a déjà été levée le ${formatDateParis(s.levee_le)}.`);
  if (!estEnVigueur({ type: s.type, debut: s.debut, fin: s.fin, levee: null }, now)) {
    throw conflict('SUSPENSION_TERMINEE', 'Cette suspension n’est pas en cours : il n’y a rien à lever.');
  }
  const levees = await tx.execute<{ id: number }[]>(
    `update suspension set levee_le = ?, levee_par_id = ?, motif_levee = ? where id = ? and levee_le is null returning id`,
    [now, agentId, motif, id],
  );
  if (levees.length !== 1) throw conflict('SUSPENSION_DEJA_LEVEE', 'Cette suspension vient d’être levée par un autre agent.');
  audit(tx, {
    at: now, acteur: { type: 'agent', id: agentId }, action: 'lever', entite: 'suspension', entiteId: id,
    de: 'en_cours', vers: 'levee', motif, fraude: true, details: { demandeurId: s.demandeur_id, finPrevue: s.fin }, ip,
  });
  notifier(tx, {
    demandeurId: s.demandeur_id,
    destinataire: s.email,
    template: 'suspension_levee',
    donnees: { civilite: s.civilite, nom: s.nom, prenom: s.prenom, date: formatDateParis(now), finPrevue: formatDateParis(s.fin) },
    cle: `suspension:${id}:levee`,
    entite: 'suspension',
    entiteId: id,
    now,
  });
  await tx.flush();
}
