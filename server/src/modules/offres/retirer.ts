/**
 * An offer withdrawn for good (R-PUB, R-CAND-FSM):
 * - `reprise`: taken back by the bailleur (§11.19, §11.27);
 * - `attribution_directe`: the bailleur let the dwelling outside the platform (§12), at `date`.
 * In the caller's transaction: the offer is locked and hidden (shared rule `retirer`), every open
 * candidature becomes `cloturee` through the shared lifecycle (`cloturer` by the system), pending
 * propositions of the offer expire, and each demandeur concerned is told (§11.27); one audit
 * event per record changed. A constant number of statements whatever the number of rows.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { StatutCandidature } from '@shared/domain/enums';
import { versDate } from '@shared/rules/calendrier';
import { transition } from '@shared/rules/candidature';
import { retirer } from '@shared/rules/fenetrePublication';
import { audit } from '@server/modules/audit-events/audit';
import { notifier } from '@server/modules/notifications/outbox';
import { marks } from '@server/modules/propositions/candidats';
import { ecrireChangements, refusFenetre, verrouillerOffre, type Acteur } from './fenetre';

export type TypeRetrait = 'reprise' | 'attribution_directe';

const TEMPLATE: Record<TypeRetrait, string> = { reprise: 'offre_reprise', attribution_directe: 'offre_attribuee_hors_plateforme' };
const MOTIF_CANDIDATURE: Record<TypeRetrait, string> = {
  reprise: 'Offre reprise par le bailleur',
  attribution_directe: 'Logement attribué par le bailleur hors plateforme',
};

interface Destinataire {
  id: number;
  reference: string | null;
  statut: StatutCandidature | 'envoyee';
  demandeurId: number;
  email: string;
  civilite: string;
  nom: string;
  prenom: string;
}

export async function retirerOffre(
  tx: EntityManager,
  id: number,
  type: TypeRetrait,
  corps: { motif: string; date?: string },
  acteur: Acteur,
  now: Date,
) {
  const o = await verrouillerOffre(tx, id);
  const r = retirer(o, corps.motif, now, corps.date);
  if (!r.ok) throw refusFenetre(r, r.code === 'DATE_FUTURE' ? 'date' : 'motif');
  const motif = corps.motif.trim();
  const quand = corps.date ? versDate(corps.date) : now;
  await ecrireChangements(tx, id, o, r.changements, now, type === 'reprise' ? { reprise_le: now } : { attribution_directe_le: quand, attribution_directe_motif: motif });

  const [bailleur] = await tx.execute<{ nom: string }[]>(`select b.nom from offre o join bailleur b on b.id = o.bailleur_id where o.id = ?`, [id]);
  const ouvertes = await tx.execute<Destinataire[]>(
    `select c.id, c.reference, c.statut, c.demandeur_id as "demandeurId", dr.email, dr.civilite, dr.nom, dr.prenom
       from candidature c join demandeur dr on dr.id = c.demandeur_id
      where c.offre_id = ? and c.statut in ('deposee', 'en_instruction', 'transmise_bailleur') order by c.id for update of c`,
    [id],
  );
  const closes = ouvertes.flatMap((c) => {
    const t = transition(c.statut as StatutCandidature, 'cloturer', 'systeme');
    return t.ok ? [{ ...c, vers: t.statut }] : []; // only open ones were selected: never force a transition
  });
  const motifCandidature = `${MOTIF_CANDIDATURE[type]} : ${motif}`.slice(0, 1000);
  if (closes.length) {
    await tx.execute(
      `update candidature set statut = 'cloturee', cloture_le = ?, motif = ?, verrou_activite_le = null, version = version + 1, updated_at = ?
        where id in (${marks(closes.length)})`,
      [now, motifCandidature, now, ...closes.map((c) => c.id)],
    );
  }
  const propositions = await tx.execute<Destinataire[]>(
    `with p as (update proposition set statut = 'expiree', repondu_le = ? where offre_id = ? and statut = 'envoyee' returning id, demandeur_id)
     select p.id, null as reference, 'envoyee' as statut, p.demandeur_id as "demandeurId", dr.email, dr.civilite, dr.nom, dr.prenom
       from p join demandeur dr on dr.id = p.demandeur_id order by p.id`,
    [now, id],
  );

  const agent = { type: 'agent' as const, id: acteur.id };
  const donnees = (d: Destinataire) => ({
    civilite: d.civilite, prenom: d.prenom, nom: d.nom, reference: d.reference, offre: o.reference, titre: o.titre, bailleur: bailleur?.nom ?? 'partenaire',
  });
  for (const c of closes) {
    audit(tx, { at: now, acteur: agent, action: 'cloturer', entite: 'candidature', entiteId: c.id, de: c.statut, vers: c.vers, motif: motifCandidature, ip: acteur.ip });
    notifier(tx, {
      demandeurId: c.demandeurId, destinataire: c.email, template: TEMPLATE[type], donnees: donnees(c),
      entite: 'candidature', entiteId: c.id, cle: `offre:${id}:${type}:candidature:${c.id}`, now,
    });
  }
  for (const p of propositions) {
    audit(tx, { at: now, acteur: agent, action: 'expirer', entite: 'proposition', entiteId: p.id, de: 'envoyee', vers: 'expiree', motif: motifCandidature, ip: acteur.ip });
    notifier(tx, {
      demandeurId: p.demandeurId, destinataire: p.email, template: TEMPLATE[type], donnees: donnees(p),
      entite: 'proposition', entiteId: p.id, cle: `offre:${id}:${type}:proposition:${p.id}`, now,
    });
  }
  audit(tx, {
    at: now, acteur: agent, action: type, entite: 'offre', entiteId: id, de: o.depubliee ? 'depubliee' : o.publiee ? 'publiee' : 'non_publiee',
    vers: type, motif,
    details: { reference: o.reference, date: quand.toISOString(), candidaturesCloturees: closes.map((c) => c.id), propositionsExpirees: propositions.map((p) => p.id) },
    ip: acteur.ip,
  });
  await tx.flush();
  return { candidaturesCloturees: closes.map((c) => c.id), propositionsExpirees: propositions.map((p) => p.id) };
}
