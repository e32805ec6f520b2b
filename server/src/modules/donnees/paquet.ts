import type { EntityManager } from '@mikro-orm/postgresql';
import type { Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { FileStorage } from '@server/storage/storage';
import { isoTimestamps } from '@server/http/json';

/**
 * DATA-ACCES (GDPR art. 15 and 20): everything the platform holds on one demandeur, as plain
 * JSON, and a ZIP with that JSON and their own documents.
 *
 * What is given, and what is not:
 * - the account without its password hash (a secret, not information about the person);
 * - suspensions as category (`fraude` / `incivilite`) and duration only (§11.13: the demandeur is
 *   told "des motifs de la suspension et de sa durée"); never the fraud motive text, the agents
 *   who acted, the fraud signals or a piece's falsification finding (R-FRAUD-VIS, §11.14): a
 *   `falsifie` piece reads `refuse` without motive, as on the portal;
 * - agents are never named (their own personal data): no agent id on any row;
 * - notifications: the mails actually sent to them (subject, text, date);
 * - connexions: their portal sessions (start, last activity, address, browser);
 * - historique: the audit events on their account, demandes, candidatures, pieces and
 *   propositions, except fraud-control events (R-FRAUD-VIS) — who acted as a kind (`demandeur`,
 *   `agent`, `systeme`, `bailleur`), never an agent's identity; an address only for their own acts;
 *   a note's event without its text (the note itself is under `notes`);
 * - notes: the agents' notes on their demandes and candidatures, except those written by contrôle
 *   fraude (suspicion notes are fraud data, R-FRAUD-VIS), without the author;
 * - piecesDemandees: the pieces an agent asked them for (« Demander la pièce »: which piece, why,
 *   when, for which candidature, when provided), without the agent;
 * - envoisBailleurs: which bailleurs received their dossier, for which candidature, when (the
 *   bailleur is an organisation: named; the agent who sent it is not);
 * - decisionsBailleurs: each bailleur's decision on their candidatures (decision, motive, comment,
 *   CALEOL date, when it was given), without the bailleur's address or link.
 */

export interface PaquetDonnees {
  format: 'als-donnees-personnelles/1';
  genereLe: string;
  responsableTraitement: string;
  compte: Record<string, unknown>;
  demandes: Record<string, unknown>[];
  candidatures: Record<string, unknown>[];
  justificatifs: (Record<string, unknown> & { id: number; sha256: string; fichier: string })[];
  propositions: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  suspensions: Record<string, unknown>[];
  connexions: Record<string, unknown>[];
  historique: Record<string, unknown>[];
  notes: Record<string, unknown>[];
  piecesDemandees: Record<string, unknown>[];
  envoisBailleurs: Record<string, unknown>[];
  decisionsBailleurs: Record<string, unknown>[];
}

const q = <T = Record<string, unknown>>(em: EntityManager, sql: string, params: unknown[]) => em.execute<T[]>(sql, params);

/** A file name safe on every system: no path, no control or reserved character. */
export const nomSur = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^\.+/, '').slice(0, 80) || 'fichier';

export function cheminPiece(j: { id: number; type: string; nom_original: string }) {
  return `pieces/${j.id}-${j.type}-${nomSur(j.nom_original)}`;
}

/** null when the demandeur does not exist. One snapshot: call it inside a REPEATABLE READ transaction for a consistent package. */
export async function rassemblerDonnees(em: EntityManager, demandeurId: number, now: Date): Promise<PaquetDonnees | null> {
  const [compte] = await q(
    em,
    `select id, civilite, nom, prenom, email, to_char(date_naissance, 'YYYY-MM-DD') as "dateNaissance", telephone, statut_compte as "statutCompte",
            email_verifie_le as "emailVerifieLe", cgu_version_acceptee as "cguVersionAcceptee", derniere_connexion as "derniereConnexion",
            desactive_le as "desactiveLe", created_at as "creeLe"
       from demandeur where id = ?`,
    [demandeurId],
  );
  if (!compte) return null;
  const demandes = await q(
    em,
    `select d.id, d.reference, d.statut, d.motif_cloture as "motifCloture", d.cloture_le as "clotureLe", d.nombre_personnes as "nombrePersonnes",
            d.codemandeur, d.revenu_fiscal_reference as "revenuFiscalReference", d.public_cible as "publicCible",
            e.raison_sociale as "entreprise", e.siret as "entrepriseSiret", d.lieu_travail_code_postal as "lieuTravailCodePostal",
            d.lieu_travail_commune as "lieuTravailCommune", d.commune_logement_actuel as "communeLogementActuel",
            d.secteurs_recherche as "secteursRecherche", d.situations_prioritaires as "situationsPrioritaires",
            d.accompagne_service_salaries_en_difficulte as "accompagneServiceSalariesEnDifficulte", d.controle_renforce as "controleRenforce",
            d.derniere_mise_ajour as "derniereMiseAJour", d.created_at as "creeLe"
       from demande d left join entreprise e on e.id = d.entreprise_id where d.demandeur_id = ? order by d.id`,
    [demandeurId],
  );
  const candidatures = await q(
    em,
    `select c.id, c.reference, d.reference as demande, o.reference as offre, o.titre as "offreTitre", o.commune as "offreCommune",
            c.statut, c.date_candidature as "dateCandidature", c.origine, c.motif, c.canal, c.designee_le as "designeeLe", c.cloture_le as "clotureLe"
       from candidature c join demande d on d.id = c.demande_id join offre o on o.id = c.offre_id
      where c.demandeur_id = ? order by c.id`,
    [demandeurId],
  );
  const pieces = await q<{ id: number; type: string; nom_original: string; sha256: string } & Record<string, unknown>>(
    em,
    `select j.id, d.reference as demande, j.titulaire, j.type, case when j.statut = 'falsifie' then 'refuse' else j.statut end as statut,
            case when j.statut = 'falsifie' then null else j.motif_refus end as "motifRefus", to_char(j.date_validite_fin, 'YYYY-MM-DD') as "dateValiditeFin",
            j.sha256, j.taille, j.mime, j.nom_original, j.actif, j.depose_le as "deposeLe", j.verifie_le as "verifieLe"
       from justificatif j join demande d on d.id = j.demande_id where d.demandeur_id = ? order by j.id`,
    [demandeurId],
  );
  const justificatifs = pieces.map(({ nom_original, ...j }) => ({ ...j, nomOriginal: nom_original, fichier: cheminPiece({ id: j.id, type: j.type, nom_original }) }));
  const propositions = await q(
    em,
    `select p.id, o.reference as offre, o.titre as "offreTitre", p.statut, p.message, p.envoyee_le as "envoyeeLe", p.expire_le as "expireLe", p.repondu_le as "reponduLe"
       from proposition p join offre o on o.id = p.offre_id where p.demandeur_id = ? order by p.id`,
    [demandeurId],
  );
  const notifications = await q(
    em,
    `select id, destinataire, template, sujet, corps, envoyee_le as "envoyeeLe" from notification
      where demandeur_id = ? and statut = 'envoyee' order by id`,
    [demandeurId],
  );
  const suspensions = await q(
    em,
    `select id, type as categorie, duree_mois as "dureeMois", debut, fin, levee_le as "leveeLe" from suspension where demandeur_id = ? order by id`,
    [demandeurId],
  );
  const connexions = await q(
    em,
    `select created_at as debut, last_seen_at as "derniereActivite", expires_at as "expireLe", revoked_at as "fermeeLe", ip, user_agent as "navigateur"
       from session where kind = 'demandeur' and principal_id = ? order by created_at`,
    [demandeurId],
  );
  // The records that are theirs, for the history and the notes (each list served by its index).
  const siens = `(a.entite = 'demandeur' and a.entite_id = ?)
      or (a.entite = 'demande' and a.entite_id in (select id from demande where demandeur_id = ?))
      or (a.entite = 'candidature' and a.entite_id in (select id from candidature where demandeur_id = ?))
      or (a.entite = 'justificatif' and a.entite_id in (select j.id from justificatif j join demande d on d.id = j.demande_id where d.demandeur_id = ?))
      or (a.entite = 'proposition' and a.entite_id in (select id from proposition where demandeur_id = ?))`;
  const historique = await q(
    em,
    `select a.at, a.acteur_type as acteur, a.action, a.entite, a.entite_id as "entiteId", a.de, a.vers,
            case when a.action = 'note' then null else a.motif end as motif,
            case when a.acteur_type = 'demandeur' and a.acteur_id = ? then a.ip end as ip
       from audit_event a
      where not a.fraude and (${siens})
      order by a.at, a.id`,
    [demandeurId, ...Array(5).fill(demandeurId)],
  );
  const notes = await q(
    em,
    `select a.created_at as "creeLe", a.entite, a.entite_id as "entiteId", a.texte
       from note a join agent ag on ag.id = a.agent_id
      where ag.role <> 'controle_fraude' and (${siens})
      order by a.created_at, a.id`,
    Array(5).fill(demandeurId),
  );
  const piecesDemandees = await q(
    em,
    `select dp.id, c.reference as candidature, dp.type, dp.titulaire, dp.motif, dp.demandee_le as "demandeeLe", dp.satisfaite_le as "satisfaiteLe"
       from demande_piece dp join candidature c on c.id = dp.candidature_id join demande d on d.id = dp.demande_id
      where d.demandeur_id = ? order by dp.id`,
    [demandeurId],
  );
  const envoisBailleurs = await q(
    em,
    `select c.reference as candidature, b.nom as bailleur, ec.envoye_le as "envoyeLe"
       from bailleur_envoi_candidature ec join candidature c on c.id = ec.candidature_id
       join bailleur_envoi e on e.id = ec.envoi_id join bailleur b on b.id = e.bailleur_id
      where c.demandeur_id = ? order by ec.envoye_le, c.id, b.id`,
    [demandeurId],
  );
  const decisionsBailleurs = await q(
    em,
    `select c.reference as candidature, b.nom as bailleur, bd.decision, bd.motif, bd.commentaire, to_char(bd.date_caleol, 'YYYY-MM-DD') as "dateCaleol",
            bd.decide_le as "decideLe"
       from bailleur_decision bd join candidature c on c.id = bd.candidature_id join bailleur b on b.id = bd.bailleur_id
      where c.demandeur_id = ? order by bd.decide_le, c.id`,
    [demandeurId],
  );
  return {
    format: 'als-donnees-personnelles/1',
    genereLe: now.toISOString(),
    responsableTraitement: 'Action Logement Services',
    compte,
    demandes,
    candidatures,
    justificatifs,
    propositions,
    notifications,
    suspensions,
    connexions,
    historique,
    notes,
    piecesDemandees,
    envoisBailleurs,
    decisionsBailleurs,
  };
}

/** One stored file of a ZIP: its name in the archive and its address in the storage. */
export interface FichierZip {
  nom: string;
  sha256: string;
}

/**
 * Streams a ZIP to `sortie`: the given buffers first, then each stored file, opened from the storage
 * one at a time as the ZIP reaches it (many pieces never hold many streams open). A file missing from
 * the storage is listed in `pieces-absentes.txt` rather than failing the whole archive.
 */
export async function ecrireZipPieces(
  storage: FileStorage, sortie: Writable, o: { date: Date; buffers: { nom: string; contenu: Buffer }[]; fichiers: FichierZip[] },
): Promise<void> {
  const zip = new ZipFile();
  const fin = new Promise<void>((resolve, reject) => {
    zip.outputStream.on('error', reject);
    sortie.on('error', reject);
    sortie.on('finish', () => resolve());
  });
  zip.outputStream.pipe(sortie);
  for (const b of o.buffers) zip.addBuffer(b.contenu, b.nom, { mtime: o.date });
  const absentes: string[] = [];
  for (const f of o.fichiers) {
    if (!(await storage.exists(f.sha256))) {
      absentes.push(f.nom);
      continue;
    }
    zip.addReadStreamLazy(f.nom, { mtime: o.date, compress: false }, (cb) => {
      storage.get(f.sha256).then(
        (x) => (x ? cb(null, x.stream) : cb(new Error(`fichier ${f.nom} disparu du stockage`), undefined as never)),
        (e: Error) => cb(e, undefined as never),
      );
    });
  }
  if (absentes.length) zip.addBuffer(Buffer.from(`Fichiers introuvables dans le stockage :\n${absentes.join('\n')}\n`, 'utf8'), 'pieces-absentes.txt', { mtime: o.date });
  zip.end();
  await fin;
}

/** DATA-ACCES: `donnees.json` first, then each of the demandeur's documents. */
export async function ecrireZip(paquet: PaquetDonnees, storage: FileStorage, sortie: Writable): Promise<void> {
  await ecrireZipPieces(storage, sortie, {
    date: new Date(paquet.genereLe),
    buffers: [{ nom: 'donnees.json', contenu: Buffer.from(JSON.stringify(paquet, isoTimestamps, 2), 'utf8') }],
    fichiers: paquet.justificatifs.map((j) => ({ nom: j.fichier, sha256: j.sha256 })),
  });
}
