import type { EntityManager } from '@mikro-orm/postgresql';
import type { PublicCible, Reglementation, SituationPrioritaire, StatutCandidature, Titulaire, TypeJustificatif } from '@shared/domain/enums';
import type { JustificatifRules } from '@shared/domain/types';
import { piecesTransmissiblesBailleur } from '@shared/rules/donnees';
import type { Codemandeur } from '@shared/domain/demande';

export interface PieceDossier extends JustificatifRules {
  type: TypeJustificatif;
  titulaire: Titulaire;
  sha256: string;
  mime: string;
  nom_original: string;
}

export interface DossierDesignation {
  c: { id: number; reference: string; statut: StatutCandidature; date_candidature: Date; designee_le: Date | null; palier: number; rang: number };
  offre: { reference: string; titre: string; typologie: string; commune: string; code_postal: string; reglementation: Reglementation; plafonds: Record<string, number>; loyer: number | null };
  bailleur: { id: number; nom: string };
  demande: {
    reference: string; nombre_personnes: number; revenu_fiscal_reference: number; public_cible: PublicCible; codemandeur: Codemandeur | null;
    situations_prioritaires: SituationPrioritaire[]; accompagne: boolean; lieu_travail_commune: string | null; commune_logement_actuel: string | null;
  };
  demandeur: { civilite: string; nom: string; prenom: string; date_naissance: string | null; email: string; telephone: string | null };
  entreprise: { raison_sociale: string; siret: string } | null;
  agent: string | null;
  /** R-BAIL-MIN: only the pieces the offer's reglementation requires (shared/rules/donnees.ts). */
  pieces: PieceDossier[];
}

/** Everything the PDF shows, in a few queries; null when the candidature does not exist. */
export async function chargerDossier(em: EntityManager, candidatureId: number, now: Date): Promise<DossierDesignation | null> {
  const [c] = await em.execute<(DossierDesignation['c'] & { offre_id: number; demande_id: number; demandeur_id: number; agent_id: number | null })[]>(
    `select c.id, c.reference, c.statut, c.date_candidature, c.designee_le, c.palier, c.offre_id, c.demande_id, c.demandeur_id,
            1 + (select count(*) from candidature r where r.offre_id = c.offre_id and (r.palier, r.date_candidature, r.id) < (c.palier, c.date_candidature, c.id)
                  and r.date_candidature <= coalesce(c.designee_le, ?) and (r.cloture_le is null or r.cloture_le > coalesce(c.designee_le, ?)))::int as rang,
            coalesce((select a.acteur_id from audit_event a where a.entite = 'candidature' and a.entite_id = c.id and a.action = 'designer'
                       and a.acteur_type = 'agent' order by a.at desc limit 1), c.agent_en_charge_id) as agent_id
       from candidature c where c.id = ?`,
    [now, now, candidatureId],
  );
  if (!c) return null;
  const [offre] = await em.execute<(DossierDesignation['offre'] & { bailleur_id: number; bailleur_nom: string })[]>(
    `select o.*, b.nom as bailleur_nom from offre o join bailleur b on b.id = o.bailleur_id where o.id = ?`, [c.offre_id]);
  const [demande] = await em.execute<(DossierDesignation['demande'] & { entreprise_id: number | null })[]>(
    `select d.*, d.accompagne_service_salaries_en_difficulte as accompagne from demande d where d.id = ?`, [c.demande_id]);
  const [demandeur] = await em.execute<DossierDesignation['demandeur'][]>(
    `select civilite, nom, prenom, date_naissance, email, telephone from demandeur where id = ?`, [c.demandeur_id]);
  const [entreprise] = demande.entreprise_id
    ? await em.execute<{ raison_sociale: string; siret: string }[]>(`select raison_sociale, siret from entreprise where id = ?`, [demande.entreprise_id])
    : [null];
  const [agent] = c.agent_id ? await em.execute<{ nom: string }[]>(`select prenom || ' ' || nom as nom from agent where id = ?`, [c.agent_id]) : [];
  const justificatifs = await em.execute<PieceDossier[]>(
    `select id, titulaire, type, statut, date_validite_fin as "dateValiditeFin", sha256, mime, nom_original
       from justificatif where demande_id = ? and actif order by id`,
    [c.demande_id],
  );
  const pieces = piecesTransmissiblesBailleur(
    { reglementation: offre.reglementation },
    { codemandeur: demande.codemandeur !== null, situationsPrioritaires: demande.situations_prioritaires ?? [], publicCible: demande.public_cible },
    justificatifs,
    now,
  );
  return {
    c, offre, bailleur: { id: offre.bailleur_id, nom: offre.bailleur_nom }, demande, demandeur, entreprise: entreprise ?? null,
    agent: agent?.nom ?? null, pieces,
  };
}
