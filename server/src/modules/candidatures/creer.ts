import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { OrigineCandidature } from '@shared/domain/enums';
import type { OffreRules } from '@shared/domain/types';
import { verifierCandidature } from '@shared/rules/limites';
import type { BailleurTable, CandidatureTable, DemandeurTable, OffreTable } from '@server/db/schema';
import { conflict, notFound } from '@server/http/problem';
import { audit } from '@server/modules/audit-events/audit';
import { demandeRules } from '@shared/rules/demande';
import { demandeOuverte, justificatifsActifs, suspensionsDe } from '@server/modules/demandes/donneesDemandeur';
import { notifier } from '@server/modules/notifications/outbox';
import { rafraichirPaliers } from './paliers';

export interface EntreeCreationCandidature {
  demandeurId: number;
  offreId: number;
  origine: OrigineCandidature;
}

export interface OptionsCreation {
  /** Who acts (audit): the demandeur by default; an agent when they create it for them. */
  acteur?: { type: 'demandeur' | 'agent'; id: number };
  ip?: string;
  /** The proposition this candidature answers (audit details). */
  propositionId?: number;
}

type OffreRow = Pick<OffreTable,
  'id' | 'reference' | 'titre' | 'nature' | 'forme' | 'programme_id' | 'typologie' | 'reglementation' | 'plafonds' | 'publiee' |
  'debut_publication' | 'fin_publication' | 'departement'> &
  Pick<BailleurTable, 'est_inli'> & { depubliee: boolean; bailleur: BailleurTable['nom'] };
type LigneCompte = Pick<DemandeurTable, 'id' | 'email' | 'civilite' | 'nom' | 'prenom' | 'statut_compte'>;
/** An open candidature of the demandeur, with its offer's columns that the limits read (`id` is the offer's). */
type LigneOuverte = Pick<CandidatureTable, 'statut'> & Pick<OffreTable, 'id' | 'nature' | 'forme' | 'programme_id' | 'typologie'>;

export function versOffreRules(o: OffreRow): OffreRules {
  return {
    id: o.id,
    nature: o.nature,
    forme: o.forme,
    programmeId: o.programme_id,
    typologie: o.typologie,
    reglementation: o.reglementation,
    plafonds: Object.fromEntries(Object.entries(o.plafonds ?? {}).map(([k, v]) => [Number(k), Number(v)])),
    publiee: o.publiee,
    debutPublication: o.debut_publication,
    finPublication: o.fin_publication,
    depubliee: o.depubliee,
  };
}

/**
 * Creates a candidature of a demandeur on an offer with every rule of R-LIMIT, R-ELIG and
 * R-LIMIT-SUSP (shared verifierCandidature; the first refusal answers 409 with its api.md code).
 * Race-safe, locks taken in the order offer → demandeur (the order of the withdrawal, the
 * propositions and the answer to a proposition, so that they never deadlock): the offer's row is
 * locked `for share` (a concurrent reprise or dépublication waits for this apply, or this apply
 * sees it), the demandeur's row `for update` for the whole transaction, so two parallel applies of
 * one demandeur are counted one after the other (R-LIMIT-CL, R-LIMIT-PROG, R-LIMIT-ID) and a
 * suspension or a closure of the account cannot slip between the check and the insert; the
 * partial unique index on open (demandeur, offre) backs DEJA_CANDIDAT. Origine `proposition` may reach an unpublished offer
 * (§11.17) and skips nothing else. Reference, departement and nature come from the offer; the
 * palier from rafraichirPaliers; audit event and, for an In'li offer, the R-INLI notification.
 * Reusable by the agents' side (propositions): call it inside your transaction.
 */
export async function creerCandidature(tx: EntityManager, e: EntreeCreationCandidature, now: Date, opts: OptionsCreation = {}) {
  const offres = await tx.execute<OffreRow[]>(
    `select o.id, o.reference, o.titre, o.nature, o.forme, o.programme_id, o.typologie, o.reglementation, o.plafonds, o.publiee, o.debut_publication,
            o.fin_publication, (o.depubliee_le is not null or o.reprise_le is not null or o.attribution_directe_le is not null) as depubliee,
            o.departement, b.nom as bailleur, b.est_inli
       from offre o join bailleur b on b.id = o.bailleur_id where o.id = ? for share of o`,
    [e.offreId],
  );
  const offre = offres[0];
  if (!offre) throw notFound('Cette offre est introuvable.');
  const comptes = await tx.execute<LigneCompte[]>(
    `select id, email, civilite, nom, prenom, statut_compte from demandeur where id = ? for update`,
    [e.demandeurId],
  );
  const compte = comptes[0];
  if (!compte) throw notFound();
  if (compte.statut_compte !== 'actif') throw conflict('COMPTE_INACTIF', 'Ce compte demandeur n’est pas actif.');

  const demande = await demandeOuverte(tx, e.demandeurId, true);
  const candidatures = await tx.execute<LigneOuverte[]>(
    `select c.statut, o.id, o.nature, o.forme, o.programme_id, o.typologie from candidature c join offre o on o.id = c.offre_id
      where c.demandeur_id = ? and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur')`,
    [e.demandeurId],
  );
  const verdict = verifierCandidature({
    offre: versOffreRules(offre),
    demande: demande ? demandeRules(demande) : null,
    justificatifs: demande ? await justificatifsActifs(tx, demande.id) : [],
    candidatures: candidatures.map((c) => ({
      statut: c.statut,
      offre: { id: c.id, nature: c.nature, forme: c.forme, programmeId: c.programme_id, typologie: c.typologie },
    })),
    suspensions: await suspensionsDe(tx, e.demandeurId),
    origine: e.origine,
    maintenant: now,
  });
  if (!verdict.ok) throw conflict(verdict.code, verdict.raison);

  const date = new Date(Math.floor(now.getTime() / 1000) * 1000); // to the second (domain.md)
  let rows: Pick<CandidatureTable, 'id' | 'reference'>[];
  try {
    rows = await tx.execute<Pick<CandidatureTable, 'id' | 'reference'>[]>(
      `with n as (select nextval(pg_get_serial_sequence('candidature', 'id'))::int as id)
       insert into candidature (id, reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine, palier, version, created_at, updated_at)
       select n.id, 'CAN-' || ? || '-' || lpad(n.id::text, 6, '0'), ?, ?, ?, ?, ?, 'deposee', ?, ?, 3, 1, ?, ? from n
       returning id, reference`,
      [date.getUTCFullYear(), demande!.id, e.demandeurId, offre.id, offre.departement, offre.nature, date, e.origine, now, now],
    );
  } catch (err) {
    if (err instanceof UniqueConstraintViolationException) throw conflict('DEJA_CANDIDAT', 'Vous avez déjà une candidature en cours sur cette offre.');
    throw err;
  }
  const { id, reference } = rows[0];
  await rafraichirPaliers(tx, [demande!.id], now);
  const acteur = opts.acteur ?? { type: 'demandeur' as const, id: e.demandeurId };
  audit(tx, {
    at: now,
    acteur,
    action: 'candidater',
    entite: 'candidature',
    entiteId: id,
    vers: 'deposee',
    details: { reference, offre: offre.reference, offreId: offre.id, origine: e.origine, propositionId: opts.propositionId ?? null },
    ip: opts.ip,
  });
  if (offre.est_inli) {
    notifier(tx, {
      demandeurId: e.demandeurId,
      destinataire: compte.email,
      template: 'candidature_inli',
      donnees: { civilite: compte.civilite, nom: compte.nom, prenom: compte.prenom, reference, offre: `${offre.reference} (${offre.titre})` },
      cle: `inli:candidature:${id}`,
      entite: 'candidature',
      entiteId: id,
      now,
    });
  }
  return { id, reference, offreId: offre.id, offre: offre.reference, demandeId: demande!.id, statut: 'deposee' as const, dateCandidature: date, origine: e.origine };
}
