import type { EntityManager } from '@mikro-orm/postgresql';
import { formatDateParis } from '@shared/rules/calendrier';
import type { DemandeurTable } from '@server/db/schema';
import { HttpProblem, conflict } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';
import { cloturerDossiers, marks } from '@server/modules/suspensions/cloture';
import { chargerSignalement } from './statut';

export const MOTIF_CANDIDATURE_COMPTE_MULTIPLE = 'Clôturée : compte multiple désactivé (un seul espace demandeur par personne, CGU 9.13)';

/**
 * R-ONE-ACCOUNT (§9.13): after a duplicate signal is confirmed, fraud control deactivates the
 * extra accounts: statutCompte `ferme` and desactiveLe, sessions revoked, open demande closed
 * (fermeture_compte) and open candidatures `cloturee`, pending propositions expired; audit events
 * (the motive ones `fraude`) and one notification per account; all in the caller's transaction.
 * At least one account of the signal stays open.
 */
export async function desactiverComptes(tx: EntityManager, signalementId: number, demandeurIds: number[], motif: string, agentId: number, now: Date, ip?: string) {
  const s = await chargerSignalement(tx, signalementId);
  if (s.statut !== 'confirme') throw conflict('SIGNALEMENT_NON_CONFIRME', 'Confirmez d’abord le signalement avant de désactiver des comptes.');
  const ids = [...new Set(demandeurIds)];
  const etrangers = ids.filter((id) => !s.demandeur_ids.includes(id));
  if (etrangers.length) {
    const message = `Comptes absents de ce signalement : ${etrangers.join(', ')}.`;
    throw new HttpProblem(400, 'VALIDATION', message, [{ field: 'demandeurIds', message }]);
  }
  const comptes = await tx.execute<Pick<DemandeurTable, 'id' | 'email' | 'civilite' | 'nom' | 'prenom' | 'statut_compte'>[]>(
    `select id, email, civilite, nom, prenom, statut_compte from demandeur where id in (${marks(s.demandeur_ids.length)}) order by id for update`,
    s.demandeur_ids,
  );
  const cibles = comptes.filter((c) => ids.includes(c.id));
  const dejaFermes = cibles.filter((c) => c.statut_compte === 'ferme');
  if (dejaFermes.length) throw conflict('COMPTE_DEJA_FERME', `${dejaFermes.length > 1 ? 'Comptes déjà fermés' : 'Compte déjà fermé'} : ${dejaFermes.map((c) => c.id).join(', ')}.`);
  if (!comptes.some((c) => c.statut_compte !== 'ferme' && !ids.includes(c.id))) {
    throw conflict('COMPTE_UNIQUE_REQUIS', 'Un compte doit rester ouvert : désactivez seulement les comptes en trop.');
  }
  const effets = await cloturerDossiers(tx, ids, { motifDemande: 'fermeture_compte', motifCandidature: MOTIF_CANDIDATURE_COMPTE_MULTIPLE, agentId, ip, now });
  const fermes = await tx.execute<{ id: number }[]>(
    `update demandeur set statut_compte = 'ferme', desactive_le = ?, ferme_le = ? where id in (${marks(ids.length)}) and statut_compte <> 'ferme' returning id`,
    [now, now, ...ids],
  );
  if (fermes.length !== ids.length) throw conflict('COMPTE_DEJA_FERME', 'Un de ces comptes vient d’être fermé par ailleurs : rechargez le signalement.');
  await tx.execute(`update session set revoked_at = ? where kind = 'demandeur' and principal_id in (${marks(ids.length)}) and revoked_at is null`, [now, ...ids]);
  for (const c of cibles) {
    audit(tx, {
      at: now, acteur: { type: 'agent', id: agentId }, action: 'desactiver_compte', entite: 'demandeur', entiteId: c.id,
      de: c.statut_compte, vers: 'ferme', motif, fraude: true, details: { signalementId }, ip,
    });
    const demande = effets.demandes.find((d) => d.demandeurId === c.id);
    const candidatures = effets.candidatures.filter((x) => x.demandeurId === c.id);
    notifier(tx, {
      demandeurId: c.id,
      destinataire: c.email,
      template: 'compte_desactive',
      donnees: {
        civilite: c.civilite, nom: c.nom, prenom: c.prenom, date: formatDateParis(now),
        demande: demande?.reference ?? null, candidatures: candidatures.map((x) => x.reference).join(', ') || null,
      },
      cle: `compte_desactive:${c.id}:${signalementId}`,
      entite: 'demandeur',
      entiteId: c.id,
      now,
    });
  }
  audit(tx, {
    at: now, acteur: { type: 'agent', id: agentId }, action: 'desactiver_comptes', entite: 'signalement', entiteId: signalementId,
    motif, fraude: true, details: { demandeurIds: ids, candidatureIds: effets.candidatures.map((c) => c.id) }, ip,
  });
  await tx.flush();
  return {
    demandeurIds: ids,
    demandesCloturees: effets.demandes.map((d) => d.id),
    candidaturesCloturees: effets.candidatures.map((c) => c.id),
    propositionsExpirees: effets.propositions,
  };
}
