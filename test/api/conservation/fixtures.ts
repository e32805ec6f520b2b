/** Closed accounts with demandes and real files, sessions, links and mails, on a dedicated empty database. */
import { Readable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FileStorage } from '@server/storage/storage';
import { sql } from '../jobs/support';
import { COMPTE_JSON } from '@server/modules/signalements/enregistrer';

let n = 0;

export async function compteFerme(orm: MikroORM, storage: FileStorage, fermeLe: Date | null, o: { partage?: Buffer; statut?: 'ferme' | 'actif' } = {}) {
  const u = `${process.pid}-${++n}`;
  const [d] = await sql<{ id: number }>(
    orm,
    `insert into demandeur (civilite, nom, prenom, email, date_naissance, telephone, statut_compte, password_hash, ferme_le, created_at)
     values ('Mme', 'Durand', 'Claire', ?, '1990-02-03', '0612345678', ?, 'argon2-hash', ?, '2024-01-01T00:00:00Z') returning id`,
    [`claire.${u}@exemple.fr`, o.statut ?? 'ferme', fermeLe],
  );
  const [dm] = await sql<{ id: number }>(
    orm,
    `insert into demande (reference, demandeur_id, statut, motif_cloture, cloture_le, nombre_personnes, codemandeur, revenu_fiscal_reference, public_cible,
                          lieu_travail_code_postal, lieu_travail_commune, commune_logement_actuel, secteurs_recherche, derniere_mise_ajour)
     values (?, ?, 'cloturee', 'fermeture_compte', ?, 2, '{"nom":"Durand","prenom":"Paul"}', 23456, 'peec', '69003', 'Lyon', 'Villeurbanne', '[]', '2024-01-01T00:00:00Z')
     returning id`,
    [`DEM-C-${u}`, d.id, fermeLe ?? new Date('2024-06-01T00:00:00Z')],
  );
  const fichiers: string[] = [];
  for (const [i, contenu] of [Buffer.from(`pièce propre ${u}`), o.partage].entries()) {
    if (!contenu) continue;
    const put = await storage.putStream(Readable.from([contenu]));
    await sql(
      orm,
      `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, actif, depose_le)
       values (?, 'demandeur', ?, 'valide', ?, ?, 'application/pdf', 'avis 2024 Claire Durand.pdf', true, '2024-01-02T00:00:00Z')`,
      [dm.id, i === 0 ? 'identite' : 'ressources', put.sha256, contenu.length],
    );
    fichiers.push(put.sha256);
  }
  return { id: d.id, demandeId: dm.id, fichiers };
}

/**
 * Around an account: a candidature on a bailleur's offer with its decision (comment, IP) and an
 * access, notes by a conseiller and by contrôle fraude, a piece asked and one refused, a
 * proposition with a message, and a signal whose evidence copies the account (COMPTE_JSON) next to
 * a live account sharing its telephone.
 */
export async function autourDuCompte(orm: MikroORM, c: { id: number; demandeId: number }, at: Date) {
  const u = `${process.pid}-${++n}`;
  const [b] = await sql<{ id: number }>(orm, `insert into bailleur (nom, siren, email) values (?, ?, ?) returning id`, [`Bailleur ${u}`, String(200000000 + n).slice(0, 9), `b${u}@bailleur.test`]);
  const [p] = await sql<{ id: number }>(orm, `insert into programme (nom, bailleur_id, commune, code_insee, code_postal, departement) values (?, ?, 'Lyon', '69123', '69003', '69') returning id`, [`P ${u}`, b.id]);
  const [o] = await sql<{ id: number }>(
    orm,
    `insert into offre (reference, titre, nature, forme, bailleur_id, programme_id, typologie, surface, loyer, commune, code_insee, code_postal, departement,
                        reglementation, plafonds, publiee, debut_publication, fin_publication)
     values (?, 'T2', 'classique', 'identifie', ?, ?, 'T2', 45, 520, 'Lyon', '69123', '69003', '69', 'plus', '{"2":40000}', true, '2024-01-01T00:00:00Z', '2030-01-01T00:00:00Z') returning id`,
    [`OFF-C-${u}`, b.id, p.id],
  );
  const [cand] = await sql<{ id: number }>(
    orm,
    `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature)
     values (?, ?, ?, ?, '69', 'classique', 'non_retenue', '2024-02-01T00:00:00Z') returning id`,
    [`CAND-C-${u}`, c.demandeId, c.id, o.id],
  );
  const [cons] = await sql<{ id: number }>(orm, `insert into agent (email, nom, prenom, role, territoires, password_hash) values (?, 'C', 'D', 'conseiller', '{69}', 'x') returning id`, [`co.${u}@als.test`]);
  const [cf] = await sql<{ id: number }>(orm, `insert into agent (email, nom, prenom, role, territoires, password_hash) values (?, 'F', 'G', 'controle_fraude', '{}', 'x') returning id`, [`cf.${u}@als.test`]);
  const [env] = await sql<{ id: number }>(orm, `insert into bailleur_envoi (bailleur_id, origine, destinataire, envoye_le, nombre_candidatures) values (?, 'candidature', 'b@bailleur.test', ?, 1) returning id`, [b.id, at]);
  await sql(orm, `insert into bailleur_envoi_candidature (envoi_id, candidature_id, envoye_le) values (?, ?, ?)`, [env.id, cand.id, at]);
  const [lien] = await sql<{ id: number }>(orm, `insert into bailleur_lien (envoi_id, bailleur_id, token_hash, cree_le, expire_le) values (?, ?, ?, ?, ?) returning id`, [env.id, b.id, `t${u}`.padEnd(64, '0'), at, at]);
  await sql(
    orm,
    `insert into bailleur_decision (candidature_id, bailleur_id, lien_id, decision, motif, commentaire, date_caleol, source, decide_le, ip)
     values (?, ?, ?, 'non_retenue', 'autre', 'Mme Durand ne s’est pas présentée, voisine bruyante', '2024-03-01', 'page', ?, '198.51.100.7')`,
    [cand.id, b.id, lien.id, at],
  );
  await sql(orm, `insert into bailleur_acces (lien_id, bailleur_id, type, candidature_id, at, ip) values (?, ?, 'ouverture', ?, ?, '198.51.100.7')`, [lien.id, b.id, cand.id, at]);
  await sql(
    orm,
    `insert into note (entite, entite_id, agent_id, texte, created_at) values ('demande', ?, ?, 'Mme Durand au téléphone : séparation en cours', ?), ('candidature', ?, ?, 'Soupçon : même avis que M. X', ?)`,
    [c.demandeId, cons.id, at, cand.id, cf.id, at],
  );
  await sql(
    orm,
    `insert into demande_piece (candidature_id, demande_id, type, titulaire, motif, demandee_le, agent_id) values (?, ?, 'ressources', 'demandeur', 'Bulletin de mars manquant, arrêt maladie', ?, ?)`,
    [cand.id, c.demandeId, at, cons.id],
  );
  await sql(
    orm,
    `insert into proposition (offre_id, demandeur_id, agent_id, departement, statut, message, envoyee_le, expire_le) values (?, ?, ?, '69', 'expiree', 'Madame Durand, ce T2 près de votre école', ?, ?)`,
    [o.id, c.id, cons.id, at, at],
  );
  await sql(orm, `update justificatif set motif_refus = 'Avis illisible (Claire Durand, 2 enfants)' where demande_id = ?`, [c.demandeId]);
  const [vivant] = await sql<{ id: number }>(
    orm,
    `insert into demandeur (civilite, nom, prenom, email, telephone, statut_compte, created_at) values ('M', 'Martin', 'Paul', ?, '0612345678', 'actif', '2024-01-01') returning id`,
    [`paul.${u}@exemple.fr`],
  );
  const [sig] = await sql<{ id: number }>(
    orm,
    `insert into signalement (type, cle, score, preuves, demandeur_ids, statut, conclusion, created_at, updated_at)
     select 'telephone_partage', 'telephone_partage:0612345678:' || ? || ',' || ?, 40,
            json_build_object('telephone', '0612345678', 'comptes', (select json_agg(${COMPTE_JSON('dx')} order by dx.id) from demandeur dx where dx.id in (?, ?)))::jsonb,
            ?::int[], 'en_cours', null, ?, ? returning id`,
    [c.id, vivant.id, c.id, vivant.id, `{${[c.id, vivant.id].sort((x, y) => x - y).join(',')}}`, at, at],
  );
  return { candidatureId: cand.id, vivantId: vivant.id, signalementId: sig.id, bailleurNom: `Bailleur ${u}`, envoiLe: at };
}
