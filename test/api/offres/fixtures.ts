/**
 * Rows of their own for the offers and propositions tests, dated from the test clock (never the
 * database's now()). Offers sit in département 01 (communes added here, far from the seed's
 * four territories) so that the seeded demandeurs never reach them: matching results are exact.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NatureOffre, Reglementation, StatutCandidature, TypeJustificatif } from '@shared/domain/enums';

let seq = 0;
const uid = () => `${process.pid % 100000}${++seq}`;
const conn = (orm: MikroORM) => orm.em.fork().getConnection();
const JOUR = 86_400_000;

/** Ain communes with real coordinates: Bourg-en-Bresse, Péronnas (≈ 3 km), Ambérieu-en-Bugey (≈ 30 km). */
export const COMMUNES = {
  bourg: { codeInsee: '01053', nom: 'Bourg-en-Bresse', codePostal: '01000', lat: 46.2052, lon: 5.2255 },
  peronnas: { codeInsee: '01289', nom: 'Péronnas', codePostal: '01960', lat: 46.1786, lon: 5.21 },
  amberieu: { codeInsee: '01004', nom: 'Ambérieu-en-Bugey', codePostal: '01500', lat: 45.9582, lon: 5.3583 },
} as const;

export async function creerCommunes(orm: MikroORM) {
  for (const c of Object.values(COMMUNES)) {
    await conn(orm).execute(
      `insert into commune (code_insee, nom, code_postal, departement, latitude, longitude) values (?, ?, ?, '01', ?, ?) on conflict do nothing`,
      [c.codeInsee, c.nom, c.codePostal, c.lat, c.lon],
    );
  }
}

export interface OffreTest {
  nature?: NatureOffre;
  forme?: 'identifie' | 'type';
  typologie?: string;
  reglementation?: Reglementation;
  plafonds?: Record<string, number>;
  publiee?: boolean;
  debut?: Date | null;
  fin?: Date | null;
  programmeId?: number;
  commune?: keyof typeof COMMUNES;
}

/** An offer in Bourg-en-Bresse (01) with its own bailleur and programme; window around `now` by default. */
export async function creerOffreTest(orm: MikroORM, now: Date, o: OffreTest = {}) {
  const c = conn(orm);
  const u = uid();
  const com = COMMUNES[o.commune ?? 'bourg'];
  const [b] = await c.execute<{ id: number }[]>(`select id from bailleur order by id limit 1`);
  const programmeId = o.programmeId ?? (await c.execute<{ id: number }[]>(
    `insert into programme (nom, bailleur_id, commune, code_insee, code_postal, departement) values (?, ?, ?, ?, ?, '01') returning id`,
    [`Résidence test ${u}`, b.id, com.nom, com.codeInsee, com.codePostal],
  ))[0].id;
  const [row] = await c.execute<{ id: number }[]>(
    `insert into offre (reference, titre, nature, forme, bailleur_id, programme_id, typologie, surface, loyer, surface_min, surface_max, loyer_min, loyer_max,
       commune, code_insee, code_postal, departement, reglementation, plafonds, nombre_logements, publiee, debut_publication, fin_publication)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '01', ?, ?, 1, ?, ?, ?) returning id`,
    [
      `OFF-T01-${u}`, `Offre de test ${u}`, o.nature ?? 'classique', o.forme ?? 'identifie', b.id, programmeId, o.typologie ?? 'T2',
      o.forme === 'type' ? null : 50, o.forme === 'type' ? null : 600, o.forme === 'type' ? 40 : null, o.forme === 'type' ? 55 : null,
      o.forme === 'type' ? 500 : null, o.forme === 'type' ? 650 : null, com.nom, com.codeInsee, com.codePostal, o.reglementation ?? 'plus',
      JSON.stringify(o.plafonds ?? { 1: 30000, 2: 40000, 3: 48000, 4: 55000, 5: 62000, 6: 70000 }), o.publiee ?? true,
      o.debut === undefined ? new Date(now.getTime() - 10 * JOUR) : o.debut, o.fin === undefined ? new Date(now.getTime() + 30 * JOUR) : o.fin,
    ],
  );
  return { id: row.id, programmeId };
}

export interface DemandeurTest {
  secteurs?: { commune: keyof typeof COMMUNES; rayonKm: number }[];
  nombrePersonnes?: number;
  revenu?: number;
  statutDemande?: 'brouillon' | 'complete' | 'cloturee';
  pieces?: Partial<Record<TypeJustificatif, 'depose' | 'valide' | 'refuse' | 'expire'>>;
  suspenduJusquAu?: Date;
  nom?: string;
  creeLe?: Date;
}

const PIECES: Partial<Record<TypeJustificatif, 'valide'>> = { identite: 'valide', ressources: 'valide', avis_imposition: 'valide', justificatif_domicile: 'valide' };

/** An active demandeur with a demande searching around Bourg-en-Bresse by default, complete, every piece valid. */
export async function creerDemandeurTest(orm: MikroORM, now: Date, d: DemandeurTest = {}) {
  const c = conn(orm);
  const u = uid();
  const [dr] = await c.execute<{ id: number }[]>(
    `insert into demandeur (civilite, nom, prenom, email, date_naissance, statut_compte) values ('Mme', ?, 'Test', ?, '1990-01-01', 'actif') returning id`,
    [d.nom ?? `Ain${u}`, `ain.${u}@exemple.fr`],
  );
  const secteurs = (d.secteurs ?? [{ commune: 'bourg', rayonKm: 10 }]).map((s) => ({ codeInsee: COMMUNES[s.commune].codeInsee, commune: COMMUNES[s.commune].nom, rayonKm: s.rayonKm }));
  const [de] = await c.execute<{ id: number }[]>(
    `insert into demande (reference, demandeur_id, statut, nombre_personnes, revenu_fiscal_reference, public_cible, secteurs_recherche, derniere_mise_ajour, created_at)
     values (?, ?, ?, ?, ?, 'peec', ?, ?, ?) returning id`,
    [`DEM-T01-${u}`, dr.id, d.statutDemande ?? 'complete', d.nombrePersonnes ?? 2, d.revenu ?? 25000, JSON.stringify(secteurs), now, d.creeLe ?? new Date(now.getTime() - 30 * JOUR)],
  );
  for (const [type, statut] of Object.entries(d.pieces ?? PIECES)) {
    await c.execute(
      `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, depose_le, date_validite_fin)
       values (?, 'demandeur', ?, ?, ?, 10, 'application/pdf', 'piece.pdf', ?, '2099-12-31')`,
      [de.id, type, statut, 'b'.repeat(64), now],
    );
  }
  if (d.suspenduJusquAu) {
    const agent = (await c.execute<{ id: number }[]>(`select id from agent where role = 'controle_fraude' order by id limit 1`))[0].id;
    await c.execute(
      `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, recidive, cree_par_id) values (?, 'incivilite', ?, ?, 6, 'test', false, ?)`,
      [dr.id, new Date(now.getTime() - 10 * JOUR), d.suspenduJusquAu, agent],
    );
  }
  return { demandeurId: dr.id, demandeId: de.id };
}

/** A candidature of that demandeur on that offer (any status), dated from the test clock. */
export async function creerCandidatureTest(orm: MikroORM, now: Date, demandeur: { demandeurId: number; demandeId: number }, offreId: number, statut: StatutCandidature = 'deposee') {
  const c = conn(orm);
  const [o] = await c.execute<{ departement: string; nature: string }[]>(`select departement, nature from offre where id = ?`, [offreId]);
  const [row] = await c.execute<{ id: number }[]>(
    `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'portail') returning id`,
    [`CAN-T01-${uid()}`, demandeur.demandeId, demandeur.demandeurId, offreId, o.departement, o.nature, statut, new Date(now.getTime() - 2 * JOUR)],
  );
  return row.id;
}

export const jours = (now: Date, n: number) => new Date(now.getTime() + n * JOUR);
