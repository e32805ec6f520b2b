/** What every seed step receives, and the bulk insert they all use. */
import type { EntityManager } from '@mikro-orm/postgresql';
import { Utils, type EntityDictionary, type EntityName, type RequiredEntityData } from '@mikro-orm/core';
import type { FileStorage } from '@server/storage/storage';
import type { Rng } from './prng';

export interface SeedContext {
  /** The transactional entity manager: every insert joins the one seed transaction. */
  em: EntityManager;
  rng: Rng;
  /** The reference instant (to the second): every seeded date is relative to it. */
  now: Date;
  /** Year of `now`, used in references ("OFF-2026-0001"). */
  annee: number;
  /** The server's file storage (local folder or S3): the demo pieces are written there. */
  storage: FileStorage;
  log: (s: string) => void;
}

const LOT = 1000;

/**
 * Multi-row INSERT … RETURNING id, by batches of 1 000 rows (PostgreSQL allows 65 535
 * parameters per statement), through the driver so that types (json, arrays) are converted.
 * Returns the ids the database assigned, in the rows' order (em.insertMany only returns the
 * first id in MikroORM 6, hence the driver call and its `rows`).
 */
export async function inserer<T extends object>(em: EntityManager, entity: EntityName<T>, rows: RequiredEntityData<T>[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += LOT) {
    const lot = rows.slice(i, i + LOT);
    // Same rows, seen as the driver's loose dictionaries.
    const data = lot as unknown as EntityDictionary<T>[];
    const res = await em.getDriver().nativeInsertMany<T>(Utils.className(entity), data, { ctx: em.getTransactionContext() });
    const returned = (res.rows ?? []) as { id?: unknown }[];
    if (returned.length !== lot.length) throw new Error(`seed: ${returned.length} ids pour ${lot.length} lignes`);
    for (const r of returned) ids.push(Number(r.id));
  }
  return ids;
}
