/** Closed accounts with demandes and real files, sessions, links and mails, on a dedicated empty database. */
import { Readable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FileStorage } from '@server/storage/storage';
import { sql } from '../jobs/support';

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
