import type { EntityManager } from '@mikro-orm/postgresql';
import { entreeConservation, limiteDeConservation } from '@shared/rules/conservation';
import { audit } from '@server/modules/audit-events/audit';
import type { FileStorage } from '@server/storage/storage';
import { nettoyerBrouillons, supprimerExportsOrphelins, supprimerPiecesOrphelines } from './orphelins';
import { verrouAdresses } from '@server/modules/justificatifs/stockageDepot';
import { CLE_EFFACEE_SQL, effacerIdentiteDesSignalements } from './fraude';

/**
 * DATA-RETENTION: the daily `conservation` job applies shared/rules/conservation.ts.
 *
 * Exactly once on any number of replicas: every batch is one short transaction that takes its
 * rows `for update skip locked` (two replicas share the work, never the same row) and writes
 * only if the row is still in the state it read (`anonymise_le is null`…); its audit event is
 * in that transaction. Files are deleted from the storage after the commit, from the
 * `fichier_a_supprimer` list written in it: a crash in between only delays the deletion to the
 * next run, and a file still referenced by another live piece (content-addressed storage: same
 * bytes, same address) is kept.
 */

export const ANONYME = 'Anonyme';
export const CONTENU_EFFACE = '[contenu effacé : durée de conservation écoulée]';

export interface ResumeConservation {
  comptesAnonymises: number;
  piecesSansFichier: number;
  fichiersSupprimes: number;
  motifsSuspensionEffaces: number;
  sessionsSupprimees: number;
  liensSupprimes: number;
  courrielsEffaces: number;
  tracesSupprimees: number;
  signalementsInfirmesEffaces: number;
  constatsFraudeEffaces: number;
  ipBailleursEffacees: number;
  brouillonsSupprimes: number;
  piecesOrphelinesSupprimees: number;
  exportsOrphelinsSupprimes: number;
}

export interface OptionsConservation {
  storage: FileStorage;
  lot?: number;
  /** Pause between two batches (tests widen the window where two replicas overlap). */
  pauseMs?: number;
}

const pause = (ms: number) => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve());

/** Runs `etape` in batches until it returns fewer than `lot` rows; sums what it did. */
async function parLots(em: EntityManager, lot: number, pauseMs: number, etape: (tx: EntityManager) => Promise<number>) {
  let total = 0;
  for (;;) {
    const n = await em.fork().transactional(etape);
    total += n;
    if (n < lot) return total;
    await pause(pauseMs);
  }
}

async function anonymiserComptes(em: EntityManager, now: Date, lot: number, pauseMs: number) {
  const limite = limiteDeConservation(now, entreeConservation('compte_ferme').duree);
  let pieces = 0;
  const comptes = await parLots(em, lot, pauseMs, async (tx) => {
    const ids = (
      await tx.execute<{ id: number }[]>(
        `select d.id from demandeur d
          where d.statut_compte = 'ferme' and d.anonymise_le is null
            and coalesce(d.ferme_le, d.desactive_le,
                         (select max(dm.cloture_le) from demande dm where dm.demandeur_id = d.id and dm.motif_cloture = 'fermeture_compte')) <= ?
            and not exists (select 1 from suspension s where s.demandeur_id = d.id and s.levee_le is null and s.fin > ?)
          order by d.id limit ? for update of d skip locked`,
        [limite, now, lot],
      )
    ).map((r) => r.id);
    if (!ids.length) return 0;
    // Conditional write: only rows still not anonymised (a second replica that read them before our commit finds 0).
    const faits = await tx.execute<{ id: number }[]>(
      `update demandeur set nom = ?, prenom = ?, email = 'anonyme-' || id || '@anonyme.invalid', telephone = null, date_naissance = null,
              password_hash = null, anonymise_le = ?
        where id = any(?::int[]) and anonymise_le is null returning id`,
      [ANONYME, ANONYME, now, `{${ids.join(',')}}`],
    );
    const faitsIds = `{${faits.map((f) => f.id).join(',')}}`;
    await tx.execute(
      `update demande set codemandeur = null, revenu_fiscal_reference = 0, lieu_travail_code_postal = null, lieu_travail_commune = null,
              commune_logement_actuel = null
        where demandeur_id = any(?::int[])`,
      [faitsIds],
    );
    const fichiers = await tx.execute<{ id: number; sha256: string }[]>(
      `update justificatif j set fichier_supprime_le = ?, nom_original = 'supprime', metadonnees_pdf = null
         from demande d where d.id = j.demande_id and d.demandeur_id = any(?::int[]) and j.fichier_supprime_le is null
       returning j.id, j.sha256`,
      [now, faitsIds],
    );
    pieces += fichiers.length;
    if (fichiers.length) {
      await tx.execute(
        `insert into fichier_a_supprimer (sha256, depuis) select distinct unnest(?::text[]), ?::timestamptz on conflict do nothing`,
        [`{${fichiers.map((f) => f.sha256).join(',')}}`, now],
      );
    }
    await tx.execute(
      `update notification set destinataire = 'anonyme', corps = ?, donnees = null where demandeur_id = any(?::int[])`,
      [CONTENU_EFFACE, faitsIds],
    );
    // Free text written about the person: agents' notes (contrôle fraude's are fraud findings, kept
    // for constat_fraude), the bailleur's comment on a decision, why a piece was asked or refused,
    // the message of a proposition.
    await tx.execute(
      `update note n set texte = ? from agent a
        where a.id = n.agent_id and a.role <> 'controle_fraude' and n.texte <> ?
          and ((n.entite = 'demande' and n.entite_id in (select id from demande where demandeur_id = any(?::int[])))
            or (n.entite = 'candidature' and n.entite_id in (select id from candidature where demandeur_id = any(?::int[]))))`,
      [CONTENU_EFFACE, CONTENU_EFFACE, faitsIds, faitsIds],
    );
    await tx.execute(
      `update bailleur_decision set commentaire = ? where commentaire is not null
          and candidature_id in (select id from candidature where demandeur_id = any(?::int[]))`,
      [CONTENU_EFFACE, faitsIds],
    );
    await tx.execute(`update demande_piece set motif = ? where demande_id in (select id from demande where demandeur_id = any(?::int[]))`, [CONTENU_EFFACE, faitsIds]);
    await tx.execute(`update proposition set message = ? where message is not null and demandeur_id = any(?::int[])`, [CONTENU_EFFACE, faitsIds]);
    await tx.execute(
      `update justificatif set motif_refus = ? where motif_refus is not null and demande_id in (select id from demande where demandeur_id = any(?::int[]))`,
      [CONTENU_EFFACE, faitsIds],
    );
    // The identity copied into fraud evidence (COMPTE_JSON snapshots, shared keys, file names).
    await effacerIdentiteDesSignalements(tx, faits.map((f) => f.id), CONTENU_EFFACE);
    await tx.execute(`delete from session where kind = 'demandeur' and principal_id = any(?::int[])`, [faitsIds]);
    await tx.execute(`delete from lien_verification where demandeur_id = any(?::int[])`, [faitsIds]);
    for (const f of faits) {
      audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'anonymiser', entite: 'demandeur', entiteId: f.id, motif: 'conservation : compte fermé depuis 12 mois', details: { regle: 'compte_ferme' } });
    }
    await tx.flush();
    return ids.length;
  });
  return { comptes, pieces };
}

/** Deletes the listed files no live piece references any more, then forgets them. */
async function supprimerFichiers(em: EntityManager, storage: FileStorage, lot: number) {
  let n = 0;
  for (;;) {
    const fait = await em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ sha256: string }[]>(`select sha256 from fichier_a_supprimer order by sha256 limit ? for update skip locked`, [lot]);
      if (!rows.length) return -1;
      await verrouAdresses(tx, rows.map((r) => r.sha256)); // DATA-ORPHANS: an upload of the same bytes waits, then places the file again
      const vivants = new Set(
        (
          await tx.execute<{ sha256: string }[]>(`select distinct sha256 from justificatif where sha256 = any(?::text[]) and fichier_supprime_le is null`, [
            `{${rows.map((r) => r.sha256).join(',')}}`,
          ])
        ).map((r) => r.sha256),
      );
      // Deleting an absent file is a no-op: a retry after a crash is harmless.
      for (const r of rows) if (!vivants.has(r.sha256)) await storage.delete(r.sha256);
      await tx.execute(`delete from fichier_a_supprimer where sha256 = any(?::text[])`, [`{${rows.map((r) => r.sha256).join(',')}}`]);
      return rows.filter((r) => !vivants.has(r.sha256)).length;
    });
    if (fait < 0) return n;
    n += fait;
  }
}

/**
 * A batched erasure of fraud data past its period: `sql` updates at most one batch (its `?` for the
 * batch size is given by `params(lot)`) and returns the ids it erased; each gets one fraud audit
 * event by the system, with the rule's name in its details.
 */
async function effacerEtTracer<R extends { id: number }>(
  em: EntityManager, now: Date, lot: number, pauseMs: number, sql: string, params: (lot: number) => unknown[],
  evenement: (r: R) => { action: string; entite: string; details: Record<string, unknown> },
) {
  return parLots(em, lot, pauseMs, async (tx) => {
    const rows = await tx.execute<R[]>(sql, params(lot));
    for (const r of rows) audit(tx, { at: now, acteur: { type: 'systeme' }, entiteId: r.id, fraude: true, ...evenement(r) });
    await tx.flush();
    return rows.length;
  });
}

async function effacerMotifsSuspension(em: EntityManager, now: Date, lot: number, pauseMs: number) {
  const limite = limiteDeConservation(now, entreeConservation('suspension_motif').duree);
  return effacerEtTracer<{ id: number; demandeur_id: number }>(em, now, lot, pauseMs,
    `update suspension s set motif = ?, motif_levee = case when motif_levee is null then null else ? end
       from (select id from suspension where coalesce(levee_le, fin) <= ? and motif <> ? order by id limit ? for update skip locked) x
      where s.id = x.id and s.motif <> ? returning s.id, s.demandeur_id`,
    (n) => [CONTENU_EFFACE, CONTENU_EFFACE, limite, CONTENU_EFFACE, n, CONTENU_EFFACE],
    (r) => ({ action: 'effacer_motif', entite: 'suspension', details: { regle: 'suspension_motif', demandeurId: r.demandeur_id } }),
  );
}

/** Erases the evidence and conclusion of concluded signals past their period, and its readable key (fraude.ts). */
async function effacerSignalements(em: EntityManager, now: Date, lot: number, pauseMs: number, statut: 'infirme' | 'confirme', regle: 'signalement_infirme' | 'constat_fraude') {
  const limite = limiteDeConservation(now, entreeConservation(regle).duree);
  return effacerEtTracer(em, now, lot, pauseMs,
    `update signalement s set preuves = jsonb_build_object('efface', ?::text), conclusion = case when s.conclusion is null then null else ? end,
            cle = ${CLE_EFFACEE_SQL('s')}
       from (select id from signalement where statut = ? and updated_at <= ? and preuves->>'efface' is null order by id limit ? for update skip locked) x
      where s.id = x.id and s.statut = ? and s.preuves->>'efface' is null returning s.id`,
    (n) => [CONTENU_EFFACE, CONTENU_EFFACE, statut, limite, n, statut],
    () => ({ action: 'effacer_preuves', entite: 'signalement', details: { regle } }),
  );
}

/** constat_fraude: besides the confirmed signals, a piece's falsification finding and contrôle fraude's notes. */
async function effacerConstatsFraude(em: EntityManager, now: Date, lot: number, pauseMs: number) {
  const limite = limiteDeConservation(now, entreeConservation('constat_fraude').duree);
  const details = { regle: 'constat_fraude' };
  const signalements = await effacerSignalements(em, now, lot, pauseMs, 'confirme', 'constat_fraude');
  const pieces = await effacerEtTracer(em, now, lot, pauseMs,
    `update justificatif j set motif_falsification = ?
       from (select id from justificatif where statut = 'falsifie' and verifie_le <= ? and motif_falsification is not null and motif_falsification <> ?
              order by id limit ? for update skip locked) x
      where j.id = x.id and j.motif_falsification <> ? returning j.id`,
    (n) => [CONTENU_EFFACE, limite, CONTENU_EFFACE, n, CONTENU_EFFACE],
    () => ({ action: 'effacer_motif', entite: 'justificatif', details }),
  );
  const notes = await effacerEtTracer(em, now, lot, pauseMs,
    `update note n set texte = ?
       from (select n2.id from note n2 join agent a on a.id = n2.agent_id
              where a.role = 'controle_fraude' and n2.created_at <= ? and n2.texte <> ? order by n2.id limit ? for update of n2 skip locked) x
      where n.id = x.id and n.texte <> ? returning n.id`,
    (n) => [CONTENU_EFFACE, limite, CONTENU_EFFACE, n, CONTENU_EFFACE],
    () => ({ action: 'effacer_note', entite: 'note', details }),
  );
  return signalements + pieces + notes;
}

/** A plain batched delete/update of rows past their period (no audit: they are technical traces). */
async function purger(em: EntityManager, lot: number, pauseMs: number, sql: string, avant: unknown[], apres: unknown[] = []) {
  return parLots(em, lot, pauseMs, async (tx) => (await tx.execute<{ n: number }[]>(sql, [...avant, lot, ...apres]))[0].n);
}

export async function appliquerConservation(em: EntityManager, now: Date, o: OptionsConservation): Promise<ResumeConservation> {
  const lot = o.lot ?? 500;
  const p = o.pauseMs ?? 0;
  const { comptes, pieces } = await anonymiserComptes(em, now, lot, p);
  const fichiersSupprimes = await supprimerFichiers(em, o.storage, lot);
  const motifsSuspensionEffaces = await effacerMotifsSuspension(em, now, lot, p);
  const sessionsSupprimees = await purger(
    em, lot, p,
    `with x as (delete from session where id in (select id from session where coalesce(revoked_at, expires_at) <= ? limit ? for update skip locked) returning 1)
     select count(*)::int as n from x`,
    [limiteDeConservation(now, entreeConservation('session').duree)],
  );
  const liensSupprimes = await purger(
    em, lot, p,
    `with x as (delete from lien_verification where id in (select id from lien_verification where coalesce(utilise_le, expire_le) <= ? limit ? for update skip locked) returning 1)
     select count(*)::int as n from x`,
    [limiteDeConservation(now, entreeConservation('lien_verification').duree)],
  );
  const courrielsEffaces = await purger(
    em, lot, p,
    `with x as (update notification set corps = ?, donnees = null
                 where id in (select id from notification
                               where ((statut = 'envoyee' and envoyee_le <= ?) or (statut = 'echec' and created_at <= ?)) and corps <> ? limit ? for update skip locked)
                   and corps <> ? returning 1)
     select count(*)::int as n from x`,
    [CONTENU_EFFACE, limiteDeConservation(now, entreeConservation('courriel_envoye').duree), limiteDeConservation(now, entreeConservation('courriel_envoye').duree), CONTENU_EFFACE],
    [CONTENU_EFFACE],
  );
  const tracesSupprimees = await purger(
    em, lot, p,
    `with x as (delete from trace_acces where id in (select id from trace_acces where at <= ? order by id limit ? for update skip locked) returning 1)
     select count(*)::int as n from x`,
    [limiteDeConservation(now, entreeConservation('trace_acces').duree)],
  );
  const signalementsInfirmesEffaces = await effacerSignalements(em, now, lot, p, 'infirme', 'signalement_infirme');
  const constatsFraudeEffaces = await effacerConstatsFraude(em, now, lot, p);
  const limiteIp = limiteDeConservation(now, entreeConservation('ip_bailleur').duree);
  const ipBailleursEffacees =
    (await purger(
      em, lot, p,
      `with x as (update bailleur_acces set ip = null
                   where id in (select id from bailleur_acces where ip is not null and at <= ? order by id limit ? for update skip locked) and ip is not null returning 1)
       select count(*)::int as n from x`,
      [limiteIp],
    )) +
    (await purger(
      em, lot, p,
      `with x as (update bailleur_decision set ip = null
                   where candidature_id in (select candidature_id from bailleur_decision where ip is not null and decide_le <= ? order by candidature_id limit ? for update skip locked)
                     and ip is not null returning 1)
       select count(*)::int as n from x`,
      [limiteIp],
    ));
  // DATA-ORPHANS: scratch files of killed uploads and exports, pieces no row references.
  const brouillonsSupprimes = await nettoyerBrouillons(o.storage, now);
  const piecesOrphelinesSupprimees = await supprimerPiecesOrphelines(em, o.storage, now);
  const exportsOrphelinsSupprimes = await supprimerExportsOrphelins(em, o.storage, now);
  return {
    comptesAnonymises: comptes, piecesSansFichier: pieces, fichiersSupprimes, motifsSuspensionEffaces, sessionsSupprimees, liensSupprimes, courrielsEffaces,
    tracesSupprimees, signalementsInfirmesEffaces, constatsFraudeEffaces, ipBailleursEffacees, brouillonsSupprimes, piecesOrphelinesSupprimees, exportsOrphelinsSupprimes,
  };
}
