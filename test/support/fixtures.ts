import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { NatureOffre, PublicCible, Reglementation, StatutCandidature, StatutJustificatif, TypeJustificatif } from '@shared/domain/enums';
import { rafraichirPaliers } from '@server/modules/candidatures/paliers';

let seq = 0;
const uid = () => `${process.pid}${++seq}`;
type Conn = EntityManager;
/** A fork of the test's ORM: its `execute` runs each fixture statement on its own (no transaction). */
const conn = (orm: MikroORM): Conn => orm.em.fork();
const one = async (c: Conn, sql: string, params: unknown[]) => (await c.execute<{ id: number }[]>(sql, params))[0].id;

export interface OffreFixture {
  departement?: string;
  nature?: NatureOffre;
  forme?: 'identifie' | 'type';
  reglementation?: Reglementation;
  nombreLogements?: number;
  typologie?: string;
  programmeId?: number;
}

/** A published offer of its own (bailleur and programme taken from the seed). */
export async function creerOffre(orm: MikroORM, o: OffreFixture = {}) {
  const c = conn(orm);
  const dep = o.departement ?? '69';
  const [p] = await c.execute<{ id: number; bailleur_id: number }[]>(`select id, bailleur_id from programme where departement = ? order by id limit 1`, [dep]);
  return one(
    c,
    `insert into offre (reference, titre, nature, forme, bailleur_id, programme_id, typologie, surface, loyer, commune, code_insee, code_postal,
       departement, reglementation, plafonds, nombre_logements, publiee, debut_publication, fin_publication)
     values (?, 'Offre de test', ?, ?, ?, ?, ?, 50, 600, 'Lyon', '69123', '69003', ?, ?, ?, ?, true, now() - interval '30 days', now() + interval '60 days') returning id`,
    [`OFF-T-${uid()}`, o.nature ?? 'classique', o.forme ?? 'identifie', p.bailleur_id, o.programmeId ?? p.id, o.typologie ?? 'T2', dep,
      o.reglementation ?? 'plus', JSON.stringify({ 1: 90000, 2: 90000, 3: 90000, 4: 90000, 5: 90000, 6: 90000 }), o.nombreLogements ?? 1],
  );
}

export interface DossierFixture {
  offreId: number;
  statut?: StatutCandidature;
  publicCible?: PublicCible;
  /** Pieces of the demandeur, by type and status; default: the 3 socles + justificatif_domicile, valide. */
  pieces?: Partial<Record<TypeJustificatif, StatutJustificatif>>;
  dateCandidature?: Date;
  entrepriseId?: number | null;
  accompagne?: boolean;
  situations?: string[];
}

export const PIECES_VALIDES: Partial<Record<TypeJustificatif, StatutJustificatif>> = {
  identite: 'valide', ressources: 'valide', avis_imposition: 'valide', justificatif_domicile: 'valide',
};

/** A demandeur with a demande, pieces and one candidature on the offer; paliers refreshed by the shared rule. */
export async function creerDossier(orm: MikroORM, f: DossierFixture) {
  const c = conn(orm);
  const u = uid();
  const demandeurId = await one(c, `insert into demandeur (civilite, nom, prenom, email, date_naissance, statut_compte) values ('Mme', ?, 'Test', ?, '1990-01-01', 'actif') returning id`, [`Fixture${u}`, `fixture.${u}@exemple.fr`]);
  const demandeId = await one(
    c,
    `insert into demande (reference, demandeur_id, statut, nombre_personnes, revenu_fiscal_reference, public_cible, entreprise_id, secteurs_recherche,
       situations_prioritaires, accompagne_service_salaries_en_difficulte, derniere_mise_ajour)
     values (?, ?, 'complete', 2, 25000, ?, ?, '[]', ?::text[], ?, now()) returning id`,
    [`DEM-T-${u}`, demandeurId, f.publicCible ?? 'peec', f.entrepriseId ?? null, `{${(f.situations ?? []).join(',')}}`, f.accompagne ?? false],
  );
  for (const [type, statut] of Object.entries(f.pieces ?? PIECES_VALIDES)) {
    await c.execute(
      `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, depose_le, date_validite_fin)
       values (?, 'demandeur', ?, ?, ?, 10, 'application/pdf', 'piece.pdf', now(), '2099-12-31')`,
      [demandeId, type, statut, 'a'.repeat(64)],
    );
  }
  const [o] = await c.execute<{ departement: string; nature: string }[]>(`select departement, nature from offre where id = ?`, [f.offreId]);
  const candidatureId = await one(
    c,
    `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'portail') returning id`,
    [`CAN-T-${u}`, demandeId, demandeurId, f.offreId, o.departement, o.nature, f.statut ?? 'deposee', f.dateCandidature ?? new Date(Date.now() - 86_400_000)],
  );
  const em = orm.em.fork();
  await em.transactional((tx) => rafraichirPaliers(tx, [demandeId], new Date()));
  return { demandeurId, demandeId, candidatureId };
}

export async function statutDe(orm: MikroORM, candidatureId: number): Promise<string> {
  const [r] = await conn(orm).execute<{ statut: string }[]>(`select statut from candidature where id = ?`, [candidatureId]);
  return r.statut;
}
