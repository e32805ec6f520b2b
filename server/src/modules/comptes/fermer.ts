import type { EntityManager } from '@mikro-orm/postgresql';
import type { CandidatureTable, DemandeTable, DemandeurTable, PropositionTable } from '@server/db/schema';
import { transition } from '@shared/rules/candidature';
import { formatDateParis } from '@shared/rules/calendrier';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';

const MOTIF = 'Fermeture du compte à la demande du demandeur';

/**
 * §4.2, §6.2: the demandeur closes their space. In one transaction: the open demande is closed
 * (motif fermeture_compte), its open candidatures become `cloturee` (shared lifecycle, acteur
 * systeme), pending propositions expire, the account becomes `ferme`, every session and
 * verification link is revoked; audit events and one notification summarising it all. The
 * demandeur's row is locked first (the order of an apply): a closure already done answers 409
 * COMPTE_DEJA_FERME, and the account's UPDATE is conditional on the status read.
 */
type LigneCompte = Pick<DemandeurTable, 'id' | 'email' | 'civilite' | 'nom' | 'prenom' | 'statut_compte'>;
type LigneCandidature = Pick<CandidatureTable, 'id' | 'reference' | 'statut'>;
/** `returning d.id, d.reference, a.statut`: the demande's status before the closure. */
type LigneDemande = Pick<DemandeTable, 'id' | 'reference' | 'statut'>;

export async function fermerCompte(tx: EntityManager, demandeurId: number, now: Date, ip?: string) {
  const comptes = await tx.execute<LigneCompte[]>(
    `select id, email, civilite, nom, prenom, statut_compte from demandeur where id = ? for update`,
    [demandeurId],
  );
  const compte = comptes[0];
  if (!compte) throw notFound();
  // A second closure in flight (double click, two tabs) waited on the lock above and finds it closed.
  if (compte.statut_compte === 'ferme') throw conflict('COMPTE_DEJA_FERME', 'Ce compte est déjà fermé.');
  const acteur = { type: 'demandeur' as const, id: demandeurId };

  const candidatures = await tx.execute<LigneCandidature[]>(
    `select id, reference, statut from candidature where demandeur_id = ? and statut in ('deposee', 'en_instruction', 'transmise_bailleur') order by id for update`,
    [demandeurId],
  );
  for (const c of candidatures) {
    const t = transition(c.statut, 'cloturer', 'systeme');
    if (!t.ok) continue; // only open ones were selected: cannot happen, but never force a transition
    await tx.execute(
      `update candidature set statut = ?, cloture_le = ?, motif = ?, version = version + 1, updated_at = ? where id = ?`,
      [t.statut, now, MOTIF, now, c.id],
    );
    audit(tx, { at: now, acteur, action: 'cloturer', entite: 'candidature', entiteId: c.id, de: c.statut, vers: t.statut, motif: MOTIF, ip });
  }

  const demandes = await tx.execute<LigneDemande[]>(
    `update demande d set statut = 'cloturee', motif_cloture = 'fermeture_compte', cloture_le = ?
      from (select id, statut from demande where demandeur_id = ? and statut <> 'cloturee' for update) a
      where d.id = a.id returning d.id, d.reference, a.statut`,
    [now, demandeurId],
  );
  for (const d of demandes) {
    audit(tx, { at: now, acteur, action: 'cloturer', entite: 'demande', entiteId: d.id, de: d.statut, vers: 'cloturee', motif: 'fermeture_compte', ip });
  }

  const propositions = await tx.execute<Pick<PropositionTable, 'id'>[]>(
    `update proposition set statut = 'expiree', repondu_le = ? where demandeur_id = ? and statut = 'envoyee' returning id`,
    [now, demandeurId],
  );
  for (const p of propositions) {
    audit(tx, { at: now, acteur, action: 'expirer', entite: 'proposition', entiteId: p.id, de: 'envoyee', vers: 'expiree', motif: MOTIF, ip });
  }

  // ferme_le: the start of the account's retention period.
  const fermes = await tx.execute<Pick<DemandeurTable, 'id'>[]>(`update demandeur set statut_compte = 'ferme', ferme_le = ? where id = ? and statut_compte = ? returning id`, [
    now,
    demandeurId,
    compte.statut_compte,
  ]);
  if (fermes.length === 0) throw conflict('COMPTE_DEJA_FERME', 'Ce compte vient d’être fermé.');
  await tx.execute(`update session set revoked_at = ? where kind = 'demandeur' and principal_id = ? and revoked_at is null`, [now, demandeurId]);
  await tx.execute(`update lien_verification set utilise_le = ? where demandeur_id = ? and utilise_le is null`, [now, demandeurId]);
  audit(tx, { at: now, acteur, action: 'compte_ferme', entite: 'demandeur', entiteId: demandeurId, de: compte.statut_compte, vers: 'ferme', ip });
  notifier(tx, {
    demandeurId,
    destinataire: compte.email,
    template: 'compte_ferme',
    donnees: {
      civilite: compte.civilite,
      nom: compte.nom,
      prenom: compte.prenom,
      date: formatDateParis(now),
      demande: demandes.map((d) => d.reference).join(', ') || null,
      candidatures: candidatures.map((c) => c.reference).join(', ') || null,
    },
    entite: 'demandeur',
    entiteId: demandeurId,
    now,
  });
  return { demandesCloturees: demandes.length, candidaturesCloturees: candidatures.length, propositionsExpirees: propositions.length };
}
