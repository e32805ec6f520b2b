/**
 * The one file storage of the back office, shared by every replica (`ctx.storage`).
 *
 * Two kinds of contents:
 * - **pieces** (justificatifs), content-addressed by their sha256: the same bytes always have the
 *   same address, so a piece is written once and never overwritten. Keys `files/<sha[0..2]>/<sha>`.
 * - **named objects** (exports, archives): a name chosen by the server, `<prefix>/<file>`
 *   (e.g. `exports/12-9f3a….xlsx`), never a user-chosen one. Writes are atomic: a reader sees the
 *   whole object or nothing.
 *
 * Two back ends (server/src/storage/create.ts picks one from STORAGE_URL): the local folder
 * DATA_DIR (default) and any S3-compatible object store. Both stream both ways; the same contract
 * test runs against both (test/api/storage/contract.test.ts).
 *
 * Use it through the context, never `node:fs` on DATA_DIR:
 *   const obj = await ctx.storage.get(sha256);            // null when absent
 *   if (obj) await pipeline(obj.stream, res);             // obj.size for Content-Length
 *   const { sha256, created } = await ctx.storage.putStream(readable);
 *   await ctx.storage.writeObject('exports/12-ab.xlsx', readable);
 * Scratch files (an upload being received, an export being produced) go to `ctx.storage.tempFile()`:
 * a path on this machine only, removed by the caller.
 */
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  stream: Readable;
  size: number;
}

export interface PutResult {
  sha256: string;
  size: number;
  /** True when this call stored the bytes; false when the same bytes were already there. */
  created: boolean;
}

export interface ListedPiece {
  sha256: string;
  size: number;
  modifiedAt: Date;
}

export interface ListedObject {
  name: string;
  size: number;
  modifiedAt: Date;
}

export interface FileStorage {
  /** What the start log and /api/health show ("dossier local /srv/als", "s3://bucket"). No secret. */
  readonly description: string;

  /** A fresh scratch path on this machine (not shared between replicas); the caller removes it. */
  tempFile(): Promise<string>;
  /** The folder whose `tmp/` holds the scratch files (swept for orphans of killed uploads and exports). */
  readonly scratchDir: string;

  /** Stores a stream, hashing it as it goes; its sha256 is its address. */
  putStream(source: Readable): Promise<PutResult>;
  /** Stores a local file whose sha256 the caller computed while receiving it. Returns `created`. */
  putFile(path: string, sha256: string): Promise<boolean>;
  get(sha256: string): Promise<StoredObject | null>;
  exists(sha256: string): Promise<boolean>;
  /** Removes a piece (absent: nothing happens). */
  delete(sha256: string): Promise<void>;
  /** Every stored piece, for orphan sweeps (compare with the justificatif rows, mind `modifiedAt`). */
  list(): AsyncIterable<ListedPiece>;

  /** Writes a named object from a stream, atomically (replaces an object of the same name). */
  writeObject(name: string, source: Readable): Promise<{ size: number }>;
  readObject(name: string): Promise<StoredObject | null>;
  deleteObject(name: string): Promise<void>;
  /** Named objects under a prefix ("exports/"). */
  listObjects(prefix: string): AsyncIterable<ListedObject>;

  /** Throws when the storage cannot be reached or written (start check, health). */
  check(): Promise<void>;
  close(): Promise<void>;
}

const SHA256 = /^[0-9a-f]{64}$/;
/** `<prefix>/<segment>…`: a lower-case first folder, then safe segments (no `..`, no hidden file). */
const NAME = /^[a-z][a-z0-9-]*(\/[A-Za-z0-9][A-Za-z0-9._-]{0,200})+$/;
/** First folders the local back end uses for itself (and the embedded PostgreSQL): never a named object. */
const RESERVED = new Set(['files', 'tmp', 'pg', 'test-pg']);

export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error('invalid sha256');
}

export function assertObjectName(name: string): void {
  if (!NAME.test(name) || name.length > 512 || RESERVED.has(name.split('/')[0])) throw new Error(`invalid object name: ${JSON.stringify(name.slice(0, 80))}`);
}

/** `files/ab/ab…` — the same key on disk (under DATA_DIR) and in a bucket, so `aws s3 sync` moves a store as it is. */
export function pieceKey(sha256: string): string {
  assertSha256(sha256);
  return `files/${sha256.slice(0, 2)}/${sha256}`;
}

/** Reads a whole stored object into memory (small files only: pieces are ≤ 20 MB). */
export async function readAll(obj: StoredObject): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of obj.stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

/** A fresh path under `<dir>/tmp` (created if needed), for scratch files of this machine. */
export async function scratchFile(dir: string): Promise<string> {
  const tmp = path.join(dir, 'tmp');
  await mkdir(tmp, { recursive: true });
  return path.join(tmp, `t-${randomBytes(12).toString('hex')}`);
}
