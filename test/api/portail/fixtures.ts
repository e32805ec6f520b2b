/** Rows in precise states for the portal tests (each call makes its own demandeur, offers, programme). */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import request from 'supertest';
import type { FormeOffre, NatureOffre, PublicCible, Reglementation, TypeJustificatif, Typologie } from '@shared/domain/enums';
import { hashPassword } from '@server/modules/auth/passwords';

export const MOT_DE_PASSE = 'une phrase de passe assez longue';
export const CGU = '2025-09';
let n = 0;
let hash: string | null = null;
const uid = () => `${process.pid}-${++n}-${Math.random().toString(36).slice(2, 7)}`;

const sql = async <T = Record<string, unknown>>(orm: MikroORM, q: string, p: unknown[] = []) => orm.em.fork().execute<T[]>(q, p);

export async function demandeurActif(orm: MikroORM, o: { cgu?: string | null; statut?: string } = {}) {
  hash ??= await hashPassword(MOT_DE_PASSE);
  const email = `portail.${uid()}@exemple.fr`;
  const [r] = await sql<{ id: number }>(
    orm,
    `insert into demandeur (civilite, nom, prenom, email, statut_compte, password_hash, email_verifie_le, cgu_version_acceptee, created_at)
     values ('Mme', 'Testeuse', 'Alice', ?, ?, ?, now(), ?, now()) returning id`,
    [email, o.statut ?? 'actif', hash, o.cgu === undefined ? CGU : o.cgu],
  );
  return { id: r.id, email, password: MOT_DE_PASSE };
}

export async function connexion(app: Express, email: string, password = MOT_DE_PASSE): Promise<string> {
  const r = await request(app).post('/api/portail/connexion').send({ email, motDePasse: password });
  if (r.status !== 200) throw new Error(`connexion ${email}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

export interface OptionsDemande {
  nombrePersonnes?: number;
  revenu?: number;
  publicCible?: PublicCible;
  codemandeur?: boolean;
  statut?: 'brouillon' | 'complete';
  socles?: boolean;
}

/** An open demande; with `socles` (default) the three pièces socles deposited, statut complete. */
export async function demande(orm: MikroORM, demandeurId: number, o: OptionsDemande = {}) {
  const socles = o.socles ?? true;
  const [d] = await sql<{ id: number }>(
    orm,
    `insert into demande (reference, demandeur_id, statut, nombre_personnes, codemandeur, revenu_fiscal_reference, public_cible, secteurs_recherche, derniere_mise_ajour, created_at)
     values (?, ?, ?, ?, ?::jsonb, ?, ?, '[{"codeInsee":"69123","commune":"Lyon","rayonKm":10}]'::jsonb, now(), now()) returning id`,
    [
      `T-${uid()}`.slice(0, 30),
      demandeurId,
      o.statut ?? (socles ? 'complete' : 'brouillon'),
      o.nombrePersonnes ?? 2,
      o.codemandeur ? JSON.stringify({ civilite: 'M', nom: 'Testeur', prenom: 'Bob', dateNaissance: '1990-01-01' }) : null,
      o.revenu ?? 20_000,
      o.publicCible ?? 'peec',
    ],
  );
  if (socles) for (const type of ['identite', 'ressources', 'avis_imposition'] as const) await piece(orm, d.id, type);
  return d.id;
}

export async function piece(orm: MikroORM, demandeId: number, type: TypeJustificatif, o: { titulaire?: string; statut?: string; fin?: string | null } = {}) {
  const [j] = await sql<{ id: number }>(
    orm,
    `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, actif, depose_le, date_validite_fin)
     values (?, ?, ?, ?, repeat('0', 64), 10, 'application/pdf', 'x.pdf', true, now(), ?) returning id`,
    [demandeId, o.titulaire ?? 'demandeur', type, o.statut ?? 'valide', o.fin ?? null],
  );
  return j.id;
}

export interface OptionsOffre {
  nature?: NatureOffre;
  forme?: FormeOffre;
  typologie?: Typologie;
  reglementation?: Reglementation;
  programmeId?: number;
  publiee?: boolean;
  inli?: boolean;
  plafonds?: Record<string, number>;
  codeInsee?: string;
  debut?: Date | null;
  fin?: Date | null;
}

/** A programme of its own (R-LIMIT-PROG tests choose when two offers share one). */
export async function programme(orm: MikroORM, inli = false) {
  const [b] = await sql<{ id: number }>(orm, `select id from bailleur where est_inli = ? order by id limit 1`, [inli]);
  const [p] = await sql<{ id: number }>(
    orm,
    `insert into programme (nom, bailleur_id, commune, code_insee, code_postal, departement, created_at) values (?, ?, 'Lyon', '69123', '69003', '69', now()) returning id`,
    [`Programme test ${uid()}`, b.id],
  );
  return { id: p.id, bailleurId: b.id };
}

const JOUR = 86_400_000;

/** A published offer (window around `now` = SEED_NOW unless told) of a fresh programme unless given. */
export async function offre(orm: MikroORM, now: Date, o: OptionsOffre = {}) {
  const prog = o.programmeId ? { id: o.programmeId, bailleurId: (await sql<{ bailleur_id: number }>(orm, `select bailleur_id from programme where id = ?`, [o.programmeId]))[0].bailleur_id } : await programme(orm, o.inli);
  const [c] = await sql<{ nom: string; code_postal: string; departement: string }>(orm, `select nom, code_postal, departement from commune where code_insee = ?`, [o.codeInsee ?? '69123']);
  const [r] = await sql<{ id: number }>(
    orm,
    `insert into offre (reference, titre, nature, forme, bailleur_id, programme_id, typologie, surface, loyer, commune, code_insee, code_postal, departement,
                        reglementation, plafonds, publiee, debut_publication, fin_publication, created_at, updated_at)
     values (?, 'Offre de test', ?, ?, ?, ?, ?, 50, 600, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now(), now()) returning id`,
    [
      `OFF-T-${uid()}`.slice(0, 30),
      o.nature ?? 'classique',
      o.forme ?? 'identifie',
      prog.bailleurId,
      prog.id,
      o.typologie ?? 'T2',
      c.nom,
      o.codeInsee ?? '69123',
      c.code_postal,
      c.departement,
      o.reglementation ?? 'libre',
      JSON.stringify(o.plafonds ?? {}),
      o.publiee ?? true,
      o.debut === undefined ? new Date(now.getTime() - 10 * JOUR) : o.debut,
      o.fin === undefined ? new Date(now.getTime() + 30 * JOUR) : o.fin,
    ],
  );
  return r.id;
}

/** The latest notification body sent to this address with this template. */
export async function derniereNotification(orm: MikroORM, email: string, template: string) {
  const rows = await sql<{ corps: string; donnees: Record<string, string> }>(
    orm,
    `select corps, donnees from notification where destinataire = ? and template = ? order by id desc limit 1`,
    [email, template],
  );
  return rows[0] ?? null;
}

export const q = sql;
