import type { EntityManager } from '@mikro-orm/postgresql';
import type { Civilite } from '@shared/domain/enums';
import type { VueEntreprise } from '@shared/domain/types';
import { CHAMPS_ENTREPRISE, projectionEntreprise } from '@shared/rules/donnees';
import { effectifDiffusable } from '@shared/rules/statistiques';
import type { SecteurRecherche } from '@shared/domain/demande';
import { parCurseur } from './curseur';
import { CIVILITES } from './libelles';
import { DEBUT_PERIODE, dansPeriode, FIN_PERIODE, type Periode } from './periode';
import { FeuilleXlsx, FORMAT_DATE, jour, type Cellule, type Colonne } from './xlsx';

type Champ = (typeof CHAMPS_ENTREPRISE)[number];

/** French headers of the 10 fields of §18.5, in CHAMPS_ENTREPRISE's order (R-ENT-FIELDS). */
export const ENTETES_ENTREPRISE: Record<Champ, Colonne> = {
  civilite: { entete: 'Civilité', largeur: 10 },
  nom: { entete: 'Nom', largeur: 22 },
  prenom: { entete: 'Prénom', largeur: 18 },
  dateNaissance: { entete: 'Date de naissance', largeur: 14, format: FORMAT_DATE },
  nomEntreprise: { entete: 'Nom de l’entreprise', largeur: 30 },
  siret: { entete: 'SIRET', largeur: 16 },
  codePostalLieuTravail: { entete: 'Code postal du lieu de travail', largeur: 14 },
  communeLieuTravail: { entete: 'Commune du lieu de travail', largeur: 24 },
  communeLogementActuel: { entete: 'Commune du logement actuel', largeur: 24 },
  secteursRecherche: { entete: 'Secteurs de recherche', largeur: 40 },
};
export const COLONNES_ENTREPRISE: readonly Colonne[] = CHAMPS_ENTREPRISE.map((c) => ENTETES_ENTREPRISE[c]);

export interface ParamsEntreprise extends Periode {
  siret: string;
}

interface Ligne {
  civilite: Civilite; nom: string; prenom: string; date_naissance: string | null; raison_sociale: string; siret: string;
  lieu_travail_code_postal: string | null; lieu_travail_commune: string | null; commune_logement_actuel: string | null;
  secteurs_recherche: SecteurRecherche[] | null;
}

/** The entreprise's employees whose demande was open at some point of the period (created before its end, not closed before its start). */
const DEMANDES = `
  from demande d join demandeur p on p.id = d.demandeur_id join entreprise e on e.id = d.entreprise_id
 where e.siret = ? and d.created_at < ${FIN_PERIODE} and (d.cloture_le is null or d.cloture_le >= ${DEBUT_PERIODE})`;

function vue(l: Ligne): VueEntreprise {
  const secteurs = l.secteurs_recherche ?? [];
  return {
    civilite: l.civilite, nom: l.nom, prenom: l.prenom, dateNaissance: l.date_naissance ?? '', nomEntreprise: l.raison_sociale, siret: l.siret,
    codePostalLieuTravail: l.lieu_travail_code_postal ?? '', communeLieuTravail: l.lieu_travail_commune ?? '',
    communeLogementActuel: l.commune_logement_actuel ?? '',
    secteursRecherche: { communes: secteurs.map((s) => s.commune), rayonKm: Math.max(0, ...secteurs.map((s) => s.rayonKm ?? 0)) },
  };
}

/** One row: exactly the 10 fields, through the shared projection (nothing else can leak). */
function cellules(v: VueEntreprise): Cellule[] {
  const p = projectionEntreprise(v);
  const valeur: Record<Champ, Cellule> = {
    civilite: CIVILITES[p.civilite] ?? p.civilite,
    nom: p.nom,
    prenom: p.prenom,
    dateNaissance: jour(p.dateNaissance || null),
    nomEntreprise: p.nomEntreprise,
    siret: p.siret,
    codePostalLieuTravail: p.codePostalLieuTravail || null,
    communeLieuTravail: p.communeLieuTravail || null,
    communeLogementActuel: p.communeLogementActuel || null,
    secteursRecherche: p.secteursRecherche.communes.length
      ? `${p.secteursRecherche.communes.join(', ')} (rayon ${p.secteursRecherche.rayonKm} km)`
      : null,
  };
  return CHAMPS_ENTREPRISE.map((c) => valeur[c]);
}

/** Aggregate figures of the summary sheet, counts under 5 withheld (R-STATS). */
async function synthese(em: EntityManager, p: ParamsEntreprise) {
  const [r] = await em.execute<{ salaries: number; candidatures: number; designations: number; attributions: number }[]>(
    `select (select count(*) ${DEMANDES})::int as salaries,
            count(*) filter (where ${dansPeriode('c.date_candidature')})::int as candidatures,
            count(*) filter (where ${dansPeriode('c.designee_le')})::int as designations,
            count(*) filter (where c.statut = 'attribuee' and ${dansPeriode('c.cloture_le')})::int as attributions
       from candidature c join demande d on d.id = c.demande_id join entreprise e on e.id = d.entreprise_id where e.siret = ?`,
    [p.siret, p.to, p.from, p.from, p.to, p.from, p.to, p.from, p.to, p.siret],
  );
  return [
    ['Salariés ayant une demande active sur la période', r.salaries],
    ['Candidatures déposées sur la période', r.candidatures],
    ['Désignations à un bailleur sur la période', r.designations],
    ['Logements attribués sur la période', r.attributions],
  ] as const;
}

export async function ecrireRapportEntreprise(
  em: EntityManager,
  p: ParamsEntreprise,
  fichier: string,
  progression: (lignes: number, total: number) => Promise<void>,
): Promise<number> {
  let total = 0;
  const feuille = new FeuilleXlsx(fichier, 'Salariés', COLONNES_ENTREPRISE);
  try {
    await parCurseur<Ligne>(
      em,
      `select p.civilite, p.nom, p.prenom, p.date_naissance, e.raison_sociale, e.siret, d.lieu_travail_code_postal, d.lieu_travail_commune,
              d.commune_logement_actuel, d.secteurs_recherche ${DEMANDES} order by p.nom, p.prenom, d.id`,
      [p.siret, p.to, p.from],
      1000,
      async (lignes) => {
        await feuille.ajouterLot(lignes.map((l) => cellules(vue(l))));
        await progression(feuille.lignes, total);
      },
      { sql: `select count(*)::int as n ${DEMANDES}`, params: [p.siret, p.to, p.from], total: (n) => (total = n) },
    );
    const lignes = feuille.lignes;
    feuille.nouvelleFeuille('Synthèse', [
      { entete: 'Indicateur', largeur: 50 }, { entete: 'Effectif', largeur: 12 }, { entete: 'Secret statistique (moins de 5)', largeur: 30 },
    ]);
    for (const [libelle, n] of await synthese(em, p)) {
      const e = effectifDiffusable(n);
      feuille.ajouter([libelle, e.valeur, e.masque ? 'Oui : effectif masqué' : 'Non']);
    }
    feuille.lignes = lignes;
  } finally {
    await feuille.terminer();
  }
  return feuille.lignes;
}
