import type { EntityManager } from '@mikro-orm/postgresql';
import type { SituationPrioritaire } from '@shared/domain/enums';
import { plafondApplicable } from '@shared/rules/eligibilite';
import type { Codemandeur } from '@shared/domain/demande';
import { parCurseur } from './curseur';
import { categoriePriorite, CIVILITES, STATUTS } from './libelles';
import { dansPeriode, type Periode } from './periode';
import { FeuilleXlsx, FORMAT_DATE, FORMAT_DATE_HEURE, FORMAT_EUROS, heureParis, jour, type Cellule, type Colonne } from './xlsx';
import type { CandidatureTable } from '@server/db/schema';

/** The columns of the bailleur's designations file, in order (French headers). */
export const COLONNES_DESIGNATIONS: readonly Colonne[] = [
  { entete: 'Référence candidature', largeur: 20 },
  { entete: 'Référence demande', largeur: 20 },
  { entete: 'Référence offre', largeur: 18 },
  { entete: 'Offre', largeur: 36 },
  { entete: 'Typologie', largeur: 10 },
  { entete: 'Commune', largeur: 22 },
  { entete: 'Rang à la désignation', largeur: 12 },
  { entete: 'Palier de classement', largeur: 12 },
  { entete: 'Civilité demandeur', largeur: 10 },
  { entete: 'Nom demandeur', largeur: 20 },
  { entete: 'Prénom demandeur', largeur: 18 },
  { entete: 'Date de naissance demandeur', largeur: 14, format: FORMAT_DATE },
  { entete: 'Civilité codemandeur', largeur: 10 },
  { entete: 'Nom codemandeur', largeur: 20 },
  { entete: 'Prénom codemandeur', largeur: 18 },
  { entete: 'Date de naissance codemandeur', largeur: 14, format: FORMAT_DATE },
  { entete: 'Personnes au foyer', largeur: 10 },
  { entete: 'Revenu fiscal de référence', largeur: 14, format: FORMAT_EUROS },
  { entete: 'Plafond de ressources applicable', largeur: 14, format: FORMAT_EUROS },
  { entete: 'Ressources au regard du plafond', largeur: 20 },
  { entete: 'Situation prioritaire', largeur: 36 },
  { entete: 'Entreprise', largeur: 28 },
  { entete: 'SIRET', largeur: 16 },
  { entete: 'Date de désignation', largeur: 17, format: FORMAT_DATE_HEURE },
  { entete: 'Statut', largeur: 20 },
  { entete: 'Agent', largeur: 22 },
];

export interface Ligne {
  id: number;
  reference: string; demande_reference: string; offre_reference: string; titre: string; typologie: string; commune: string;
  rang: number; palier: number; civilite: string; nom: string; prenom: string; date_naissance: string | null;
  codemandeur: Codemandeur | null; nombre_personnes: number; revenu_fiscal_reference: number; plafonds: Record<string, number>;
  situations_prioritaires: SituationPrioritaire[]; accompagne: boolean; raison_sociale: string | null; siret: string | null;
  designee_le: Date; statut: CandidatureTable['statut']; agent: string | null;
}

/** The designated candidatures of the bailleur's offers in the period (bound: bailleurId, from, to). */
const OU = `o.bailleur_id = ? and c.statut in ('transmise_bailleur', 'attribuee') and ${dansPeriode('c.designee_le')}`;

/**
 * One row per designated candidature of the bailleur's offers (designeeLe in the period, statut
 * transmise_bailleur or attribuee). `rang` is the rank at designation, stored by the designation
 * (candidature.rang_designation, candidatures/rangDesignation.ts): candidatures of the same offer
 * ahead of it in R-RANK's order — (palier, dateCandidature, id) lower — that were open at that
 * instant. Indicative like every rank (R-RANK-EXPLAIN).
 * The designating agent comes from the audit trail (the `designer` event), else the agent in charge.
 */
export const SELECT_DESIGNATIONS = `
  select c.id, c.reference, d.reference as demande_reference, o.reference as offre_reference, o.titre, o.typologie, o.commune,
         c.rang_designation as rang,
         c.palier, p.civilite, p.nom, p.prenom, p.date_naissance, d.codemandeur, d.nombre_personnes, d.revenu_fiscal_reference, o.plafonds,
         d.situations_prioritaires, d.accompagne_service_salaries_en_difficulte as accompagne, e.raison_sociale, e.siret,
         c.designee_le, c.statut, ag.prenom || ' ' || ag.nom as agent
    from candidature c
    join offre o on o.id = c.offre_id
    join demande d on d.id = c.demande_id
    join demandeur p on p.id = c.demandeur_id
    left join entreprise e on e.id = d.entreprise_id
    left join lateral (select a.acteur_id from audit_event a
                        where a.entite = 'candidature' and a.entite_id = c.id and a.action = 'designer' and a.acteur_type = 'agent'
                        order by a.at desc limit 1) des on true
    left join agent ag on ag.id = coalesce(des.acteur_id, c.agent_en_charge_id)`;
export const SQL_DESIGNATIONS = `${SELECT_DESIGNATIONS}
   where ${OU}`;

/** The same rows, counted without the per-row subqueries (progression). */
const SQL_COMPTE = `select count(*)::int as n from candidature c join offre o on o.id = c.offre_id where ${OU}`;

export interface ParamsDesignations extends Periode {
  bailleurId: number;
}

/** Revenus against the plafond (shared/rules eligibilite `plafondApplicable`). */
function ressources(l: Pick<Ligne, 'plafonds' | 'nombre_personnes' | 'revenu_fiscal_reference'>): [number | null, string] {
  const plafond = plafondApplicable(l.plafonds as Record<number, number>, l.nombre_personnes);
  if (plafond === null) return [null, 'Sans plafond'];
  return [plafond, l.revenu_fiscal_reference <= plafond ? 'Sous le plafond' : 'Au-dessus du plafond'];
}

/** One row of the file (the bailleur's decisions spreadsheet starts with the same cells). */
export function cellules(l: Ligne): Cellule[] {
  const [plafond, resultat] = ressources(l);
  const co = l.codemandeur;
  return [
    l.reference, l.demande_reference, l.offre_reference, l.titre, l.typologie, l.commune, l.rang, l.palier,
    CIVILITES[l.civilite as 'M'] ?? l.civilite, l.nom, l.prenom, jour(l.date_naissance),
    co ? CIVILITES[co.civilite] ?? co.civilite : null, co?.nom ?? null, co?.prenom ?? null, jour(co?.dateNaissance ?? null),
    l.nombre_personnes, l.revenu_fiscal_reference, plafond, resultat,
    categoriePriorite(l.accompagne, l.situations_prioritaires ?? []), l.raison_sociale, l.siret,
    heureParis(l.designee_le), STATUTS[l.statut as 'attribuee'] ?? l.statut, l.agent,
  ];
}

/** Writes the XLSX at `fichier`, streaming rows from a server-side cursor. Returns the row count. */
export async function ecrireDesignations(
  em: EntityManager,
  p: ParamsDesignations,
  fichier: string,
  progression: (lignes: number, total: number) => Promise<void>,
  lot = 1000,
): Promise<number> {
  const feuille = new FeuilleXlsx(fichier, 'Désignations', COLONNES_DESIGNATIONS);
  let total = 0;
  try {
    await parCurseur<Ligne>(
      em, `${SQL_DESIGNATIONS} order by c.designee_le, c.id`, [p.bailleurId, p.from, p.to], lot,
      async (lignes) => {
        await feuille.ajouterLot(lignes.map(cellules));
        await progression(feuille.lignes, total);
      },
      { sql: SQL_COMPTE, params: [p.bailleurId, p.from, p.to], total: (n) => (total = n) },
    );
  } finally {
    await feuille.terminer();
  }
  return feuille.lignes;
}
