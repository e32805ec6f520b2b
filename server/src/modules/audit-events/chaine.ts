import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditEventTable, AuditJourTable } from '@server/db/schema';

/**
 * DATA-AUDIT-CHAIN: the audit log's hash chain (migration 20261207000100_journal_chaine).
 *
 * `chainerJournal` appends the committed, unchained events to the chain in batches (the SQL
 * function `audit_chainer`, one chainer at a time on any number of replicas thanks to a
 * transaction advisory lock) and seals each finished day in `audit_jour`.
 * `verifierJournal` walks the whole chain in `chaine_seq` order, recomputes every hash and
 * compares each sealed day with its seal: it names the first event that does not match.
 */

export const HASH_ORIGINE = '0'.repeat(64);

export interface ResumeChainage {
  chaines: number;
  /** True when another process was chaining (nothing done here: it will chain them). */
  occupe: boolean;
}

export async function chainerJournal(em: EntityManager, now: Date, o: { lot?: number; attendre?: boolean; maxLots?: number } = {}): Promise<ResumeChainage> {
  const lot = o.lot ?? 2000;
  let chaines = 0;
  for (let i = 0; i < (o.maxLots ?? 1000); i++) {
    // One short transaction per batch: the advisory lock is held for one batch only.
    const n = await em.fork().transactional(async (tx) => {
      const [{ n }] = await tx.execute<{ n: number }[]>(`select audit_chainer(?, ?, ?) as n`, [now, lot, o.attendre ?? false]);
      return n;
    });
    if (n < 0) return { chaines, occupe: true };
    chaines += n;
    if (n < lot) break;
  }
  return { chaines, occupe: false };
}

export type RaisonRupture =
  | 'sequence' // an event is missing (deleted) or the sequence was rewritten
  | 'precedent' // hash_precedent differs from the previous event's hash
  | 'contenu' // the event's content no longer gives its hash (edited)
  | 'sceau'; // a day's seal does not match its events

export interface Rupture {
  raison: RaisonRupture;
  /** The first event that does not match (null when a seal names a missing event). */
  evenementId: number | null;
  chaineSeq: number | null;
  jour: string | null;
  message: string;
}

export interface ResultatVerification {
  valide: boolean;
  evenementsVerifies: number;
  joursScelles: number;
  /** Events committed but not yet chained (the chaining job appends them within a minute). */
  nonChaines: number;
  dernierHash: string | null;
  rupture: Rupture | null;
}

type LigneChaine = Pick<AuditEventTable, 'id' | 'hash_precedent' | 'hash'> & { chaine_seq: string; jour: string; recalcule: string };
type LigneSceau = Pick<AuditJourTable, 'nombre' | 'dernier_hash'> & { jour: string; premier_seq: string; dernier_seq: string };

const r = (raison: RaisonRupture, l: { id: number; chaine_seq: string; jour: string } | null, message: string, jour?: string): Rupture => ({
  raison,
  evenementId: l?.id ?? null,
  chaineSeq: l ? Number(l.chaine_seq) : null,
  jour: l?.jour ?? jour ?? null,
  message,
});

/** Read-only; streams the chain by batches of `lot` through one REPEATABLE READ snapshot. */
export async function verifierJournal(em: EntityManager, o: { lot?: number } = {}): Promise<ResultatVerification> {
  const lot = o.lot ?? 5000;
  return em.fork().transactional(
    async (tx) => {
      const sceaux = await tx.execute<LigneSceau[]>(
        `select to_char(jour, 'YYYY-MM-DD') as jour, premier_seq::text, dernier_seq::text, nombre, dernier_hash from audit_jour order by jour`,
      );
      const sceauParJour = new Map(sceaux.map((s) => [s.jour, s]));
      const parJour = new Map<string, { premier: number; dernier: number; nombre: number; dernierHash: string }>();
      const [{ n: nonChaines }] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from audit_event where chaine_seq is null`);
      let precedent = HASH_ORIGINE;
      let attendu = 1;
      let verifies = 0;
      const fin = (rupture: Rupture | null): ResultatVerification => ({
        valide: rupture === null,
        evenementsVerifies: verifies,
        joursScelles: sceaux.length,
        nonChaines,
        dernierHash: verifies ? precedent : null,
        rupture,
      });
      for (;;) {
        const lignes = await tx.execute<LigneChaine[]>(
          `select e.id, e.chaine_seq::text, to_char(e.jour, 'YYYY-MM-DD') as jour, e.hash_precedent, e.hash,
                  audit_hash(e.hash_precedent, e) as recalcule
             from audit_event e where e.chaine_seq >= ? order by e.chaine_seq limit ?`,
          [attendu, lot],
        );
        for (const l of lignes) {
          const seq = Number(l.chaine_seq);
          if (seq !== attendu) return fin(r('sequence', l, `Événement n° ${attendu} de la chaîne absent (supprimé ?) : le suivant est l’événement ${l.id} (n° ${seq}).`));
          if (l.hash_precedent !== precedent) return fin(r('precedent', l, `L’événement ${l.id} ne référence pas l’empreinte de l’événement précédent de la chaîne.`));
          if (l.recalcule !== l.hash) return fin(r('contenu', l, `Le contenu de l’événement ${l.id} ne correspond plus à son empreinte : il a été modifié.`));
          const j = parJour.get(l.jour);
          if (j) {
            j.dernier = seq;
            j.nombre++;
            j.dernierHash = l.hash!;
          } else parJour.set(l.jour, { premier: seq, dernier: seq, nombre: 1, dernierHash: l.hash! });
          precedent = l.hash!;
          attendu++;
          verifies++;
        }
        if (lignes.length < lot) break;
      }
      for (const s of sceaux) {
        const j = parJour.get(s.jour);
        if (!j || j.premier !== Number(s.premier_seq) || j.dernier !== Number(s.dernier_seq) || j.nombre !== s.nombre || j.dernierHash !== s.dernier_hash) {
          return fin(r('sceau', null, `Le sceau du ${s.jour} ne correspond pas aux événements de ce jour (chaîne réécrite ou tronquée).`, s.jour));
        }
      }
      // A sealed day must be followed only by later days: an event of a sealed day added afterwards breaks the seal.
      for (const [jour, j] of parJour) {
        const s = sceauParJour.get(jour);
        if (s && j.dernier !== Number(s.dernier_seq)) return fin(r('sceau', null, `Des événements ont été ajoutés au ${jour} après son scellement.`, jour));
      }
      return fin(null);
    },
    { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true },
  );
}
