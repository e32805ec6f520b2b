import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TypeJustificatif } from '@shared/domain/enums';
import type { JustificatifRules } from '@shared/domain/types';
import type { DemandeTable, DemandeurTable, JustificatifTable } from '@server/db/schema';
import { ajouterJours, formatDateParis, partiesParis } from '@shared/rules/calendrier';
import { estExpire } from '@shared/rules/completude';
import { audit } from '@server/modules/audit-events/audit';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';
import { notifier } from '@server/modules/notifications/outbox';

const LIBELLES: Record<TypeJustificatif, string> = {
  identite: 'Pièce d’identité',
  ressources: 'Justificatif de ressources',
  avis_imposition: 'Avis d’imposition',
  attestation_employeur: 'Attestation employeur',
  bulletin_salaire: 'Bulletin de salaire',
  justificatif_domicile: 'Justificatif de domicile',
  attestation_hebergement: 'Attestation d’hébergement',
  justificatif_situation: 'Justificatif de situation',
  reconnaissance_dalo_daho: 'Reconnaissance DALO / DAHO',
};

/** A shared rule input (estExpire), its columns aliased to its fields; the date as 'YYYY-MM-DD' (to_char), never null here. */
type Piece = Pick<JustificatifRules, 'id' | 'type' | 'titulaire' | 'statut'> & {
  demandeId: JustificatifTable['demande_id'];
  dateValiditeFin: NonNullable<JustificatifTable['date_validite_fin']>;
};
type Destinataire = Pick<DemandeTable, 'reference'> & Pick<DemandeurTable, 'email' | 'civilite' | 'nom' | 'prenom'> & {
  demande_id: DemandeTable['id'];
  demandeur_id: DemandeurTable['id'];
};

export interface ResumeJustificatifs {
  expires: number;
  demandes: number;
  notifications: number;
  paliersRecalcules: number;
}

const jourParis = (d: Date) => {
  const p = partiesParis(d);
  return `${p.annee}-${String(p.mois).padStart(2, '0')}-${String(p.jour).padStart(2, '0')}`;
};

/**
 * §11.9–11.10: pieces whose dateValiditeFin has passed (Paris calendar, `estExpire`) become
 * `expire`; eligibility drops with them (rules read the status), the stored ranking palier of
 * the demande's open candidatures is recomputed, and the demandeur gets one notification per
 * demande per run (idempotent key over the pieces). Batches of `lot` pieces, one transaction each;
 * the conditional UPDATE … RETURNING makes a concurrent run act on disjoint rows.
 */
export async function expirerJustificatifs(em: EntityManager, now: Date, options: { lot?: number } = {}): Promise<ResumeJustificatifs> {
  const lot = options.lot ?? 500;
  const resume: ResumeJustificatifs = { expires: 0, demandes: 0, notifications: 0, paliersRecalcules: 0 };
  // Pre-filter: validity ended yesterday or earlier in Paris (plus today, checked by the rule).
  const jusquA = jourParis(ajouterJours(now, 1));
  let apresId = 0;
  for (;;) {
    const lus = await em.fork().execute<Piece[]>(
      `select j.id, j.demande_id as "demandeId", j.type, j.titulaire, j.statut, to_char(j.date_validite_fin, 'YYYY-MM-DD') as "dateValiditeFin"
         from justificatif j join demande d on d.id = j.demande_id
        where j.actif and j.statut in ('depose', 'valide') and j.date_validite_fin < ?::date and d.statut <> 'cloturee' and j.id > ?
        order by j.id limit ?`,
      [jusquA, apresId, lot],
    );
    if (lus.length === 0) break;
    apresId = lus[lus.length - 1].id;
    const expirees = lus.filter((j) => estExpire(j, now));
    if (expirees.length > 0) await expirerLot(em.fork(), expirees, now, resume);
  }
  return resume;
}

async function expirerLot(em: EntityManager, pieces: Piece[], now: Date, resume: ResumeJustificatifs) {
  await em.transactional(async (tx) => {
    const faites = await tx.execute<Pick<JustificatifTable, 'id'>[]>(
      `update justificatif set statut = 'expire' where id in (?) and statut in ('depose', 'valide') and actif returning id`,
      [pieces.map((p) => p.id)],
    );
    const ids = new Set(faites.map((f) => f.id));
    const miennes = pieces.filter((p) => ids.has(p.id));
    if (miennes.length === 0) return;
    const parDemande = new Map<number, Piece[]>();
    for (const p of miennes) {
      parDemande.set(p.demandeId, [...(parDemande.get(p.demandeId) ?? []), p]);
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'expirer', entite: 'justificatif', entiteId: p.id, de: p.statut, vers: 'expire',
        motif: `Fin de validité le ${formatDateParis(p.dateValiditeFin)}`,
      });
    }
    const demandeIds = [...parDemande.keys()];
    const destinataires = await tx.execute<Destinataire[]>(
      `select d.id as demande_id, d.reference, dr.id as demandeur_id, dr.email, dr.civilite, dr.nom, dr.prenom
         from demande d join demandeur dr on dr.id = d.demandeur_id where d.id in (?)`,
      [demandeIds],
    );
    for (const d of destinataires) {
      const liste = parDemande.get(d.demande_id)!;
      const cle = createHash('sha256').update(liste.map((p) => p.id).sort((a, b) => a - b).join(',')).digest('hex').slice(0, 32);
      notifier(tx, {
        demandeurId: d.demandeur_id, destinataire: d.email, template: 'justificatif_expire', entite: 'demande', entiteId: d.demande_id, now,
        cle: `justificatifs_expires:${d.demande_id}:${cle}`,
        donnees: {
          civilite: d.civilite, nom: d.nom, prenom: d.prenom, demande: d.reference,
          pieces: liste.map((p) => `- ${LIBELLES[p.type]}${p.titulaire === 'codemandeur' ? ' (codemandeur)' : ''}, valable jusqu’au ${formatDateParis(p.dateValiditeFin)}`).join('\n'),
        },
      });
      resume.notifications++;
    }
    resume.expires += miennes.length;
    resume.demandes += demandeIds.length;
    resume.paliersRecalcules += await rafraichirPaliers(tx, demandeIds, now);
  });
}
