import type { MikroORM } from '@mikro-orm/postgresql';
import type { StatutCandidature } from '@shared/domain/enums';
import { sql } from './support';

let n = 0;
const uniq = () => `${process.pid}-${++n}`;

export interface Socle {
  bailleurId: number;
  programmeId: number;
  offreIds: number[];
  agentId: number;
}

/** A bailleur, a programme, a few published classique offers and an agent. */
export async function socle(orm: MikroORM, offres = 3): Promise<Socle> {
  const u = uniq();
  const [b] = await sql<{ id: number }>(orm, `insert into bailleur (nom, siren, email) values (?, ?, ?) returning id`, [`Bailleur ${u}`, String(100000000 + n).slice(0, 9), `b${u}@bailleur.test`]);
  const [p] = await sql<{ id: number }>(
    orm,
    `insert into programme (nom, bailleur_id, commune, code_insee, code_postal, departement) values (?, ?, 'Lyon', '69123', '69003', '69') returning id`,
    [`Programme ${u}`, b.id],
  );
  const offreIds: number[] = [];
  for (let i = 0; i < offres; i++) {
    const [o] = await sql<{ id: number }>(
      orm,
      `insert into offre (reference, titre, nature, forme, bailleur_id, programme_id, typologie, surface, loyer, commune, code_insee, code_postal, departement,
                          reglementation, plafonds, publiee, debut_publication, fin_publication)
       values (?, ?, 'classique', 'identifie', ?, ?, ?, 45, 520, 'Lyon', '69123', '69003', '69', 'plus', '{"1":30000,"2":40000,"3":50000,"4":60000}', true, '2025-01-01T00:00:00Z', '2030-01-01T00:00:00Z')
       returning id`,
      [`OFF-${u}-${i}`, `T2 Lyon 3e n° ${i}`, b.id, p.id, ['T1', 'T2', 'T3', 'T4'][i % 4]],
    );
    offreIds.push(o.id);
  }
  const [a] = await sql<{ id: number }>(
    orm,
    `insert into agent (email, nom, prenom, role, territoires, password_hash) values (?, 'Agent', 'Test', 'conseiller', '{69}', 'x') returning id`,
    [`agent.${u}@als.test`],
  );
  return { bailleurId: b.id, programmeId: p.id, offreIds, agentId: a.id };
}

export interface Dossier {
  demandeurId: number;
  demandeId: number;
  reference: string;
  email: string;
  candidatureIds: number[];
}

/** A demandeur whose every activity (login, update, candidatures) is at `derniereActivite`. */
export async function dossier(orm: MikroORM, s: Socle, derniereActivite: Date, statuts: StatutCandidature[] = ['deposee']): Promise<Dossier> {
  const u = uniq();
  const email = `demandeur.${u}@exemple.test`;
  const [dr] = await sql<{ id: number }>(
    orm,
    `insert into demandeur (civilite, nom, prenom, email, statut_compte, derniere_connexion, created_at) values ('Mme', 'Durand', 'Alice', ?, 'actif', ?, ?) returning id`,
    [email, derniereActivite, new Date(derniereActivite.getTime() - 86_400_000)],
  );
  const reference = `DEM-${u}`;
  const [d] = await sql<{ id: number }>(
    orm,
    `insert into demande (reference, demandeur_id, statut, nombre_personnes, revenu_fiscal_reference, public_cible, secteurs_recherche, derniere_mise_ajour, created_at)
     values (?, ?, 'complete', 2, 25000, 'peec', '[]', ?, ?) returning id`,
    [reference, dr.id, derniereActivite, derniereActivite],
  );
  const candidatureIds: number[] = [];
  for (const [i, statut] of statuts.entries()) {
    const [c] = await sql<{ id: number }>(
      orm,
      `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature)
       values (?, ?, ?, ?, '69', 'classique', ?, ?) returning id`,
      [`CAND-${u}-${i}`, d.id, dr.id, s.offreIds[i % s.offreIds.length], statut, new Date(derniereActivite.getTime() - 3_600_000 * (i + 1))],
    );
    candidatureIds.push(c.id);
  }
  return { demandeurId: dr.id, demandeId: d.id, reference, email, candidatureIds };
}

export const notificationsDe = (orm: MikroORM, demandeurId: number) =>
  sql<{ id: number; template: string; cle: string; sujet: string; corps: string; statut: string }>(
    orm,
    `select id, template, cle, sujet, corps, statut from notification where demandeur_id = ? order by id`,
    [demandeurId],
  );
