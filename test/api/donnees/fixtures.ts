/** A demandeur with something in every table the data package reads, and real files in the storage. */
import { Readable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FileStorage } from '@server/storage/storage';
import { demande, demandeurActif, offre, piece } from '../portail/fixtures';

export const MOTIF_FRAUDE = 'Motif interne : avis d’imposition retouché, signalé par le contrôle n° 4242';
export const NOTE_FRAUDE = 'Soupçon : même RIB que le dossier 77';
export const NOTE_CONSEILLER = 'Appelé le 3/12 : attestation employeur à venir';

const sql = async <T = Record<string, unknown>>(orm: MikroORM, q: string, p: unknown[] = []) => orm.em.fork().execute<T[]>(q, p);

export async function demandeurComplet(orm: MikroORM, storage: FileStorage, now: Date) {
  const d = await demandeurActif(orm);
  await sql(orm, `update demandeur set telephone = '0601020304', date_naissance = '1991-04-05' where id = ?`, [d.id]);
  const demandeId = await demande(orm, d.id, { codemandeur: true });
  const pieces = await sql<{ id: number }>(orm, `select id from justificatif where demande_id = ? order by id`, [demandeId]);
  const falsifiee = await piece(orm, demandeId, 'bulletin_salaire', { statut: 'falsifie' });
  await sql(orm, `update justificatif set motif_falsification = 'montant retouché au scanner' where id = ?`, [falsifiee]);
  const ids = [...pieces.map((p) => p.id), falsifiee];
  const contenus: Record<number, Buffer> = {};
  for (const id of ids) {
    const b = Buffer.from(`%PDF-1.4\n% pièce ${id} du demandeur ${d.id} ${Math.random()}\n%%EOF\n`);
    const put = await storage.putStream(Readable.from([b]));
    await sql(orm, `update justificatif set sha256 = ?, taille = ?, nom_original = ? where id = ?`, [put.sha256, b.length, `../bulletin ${id}/é.pdf`, id]);
    contenus[id] = b;
  }
  const offreId = await offre(orm, now);
  const [c] = await sql<{ id: number }>(
    orm,
    `insert into candidature (reference, demande_id, demandeur_id, offre_id, departement, nature, statut, date_candidature, origine, palier, version)
     values (?, ?, ?, ?, '69', 'classique', 'deposee', ?, 'portail', 3, 1) returning id`,
    [`CAN-DATA-${d.id}`, demandeId, d.id, offreId, now],
  );
  const [agent] = await sql<{ id: number }>(orm, `select id from agent where role = 'controle_fraude' order by id limit 1`);
  await sql(
    orm,
    `insert into suspension (demandeur_id, type, debut, fin, duree_mois, motif, recidive, cree_par_id, created_at)
     values (?, 'fraude', ?, ?::timestamptz + interval '6 months', 6, ?, false, ?, ?)`,
    [d.id, now, now, MOTIF_FRAUDE, agent.id, now],
  );
  await sql(
    orm,
    `insert into proposition (offre_id, demandeur_id, agent_id, departement, statut, message, envoyee_le, expire_le)
     values (?, ?, ?, '69', 'envoyee', 'Ce logement pourrait vous convenir', ?, ?::timestamptz + interval '10 days')`,
    [offreId, d.id, agent.id, now, now],
  );
  await sql(
    orm,
    `insert into notification (demandeur_id, destinataire, template, sujet, corps, statut, tentatives, envoyee_le, created_at)
     values (?, ?, 'generique', 'Votre candidature', 'Bonjour, votre candidature est enregistrée.', 'envoyee', 1, ?, ?),
            (?, ?, 'generique', 'Pas encore partie', 'En attente', 'a_envoyer', 0, null, ?)`,
    [d.id, d.email, now, now, d.id, d.email, now],
  );
  // Notes (one by a conseiller, one by contrôle fraude) and history (theirs, an agent's, a fraud event).
  const [conseiller] = await sql<{ id: number }>(orm, `select id from agent where role = 'conseiller' order by id limit 1`);
  await sql(orm, `insert into note (entite, entite_id, agent_id, texte, created_at) values ('candidature', ?, ?, ?, ?), ('demande', ?, ?, ?, ?)`,
    [c.id, conseiller.id, NOTE_CONSEILLER, now, demandeId, agent.id, NOTE_FRAUDE, now]);
  await sql(
    orm,
    `insert into audit_event (at, acteur_type, acteur_id, action, entite, entite_id, de, vers, motif, fraude, ip) values
       (?, 'demandeur', ?, 'candidater', 'candidature', ?, null, 'deposee', null, false, '203.0.113.7'),
       (?, 'agent', ?, 'valider', 'justificatif', ?, 'depose', 'valide', null, false, '10.1.2.3'),
       (?, 'agent', ?, 'suspendre', 'demandeur', ?, null, null, ?, true, '10.1.2.4')`,
    [now, d.id, c.id, now, conseiller.id, ids[0], now, agent.id, d.id, MOTIF_FRAUDE],
  );
  return { ...d, demandeId, candidatureId: c.id, pieces: ids, contenus, falsifiee };
}
