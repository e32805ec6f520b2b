import { constants, createWriteStream } from 'node:fs';
import { access, copyFile, link, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { meter } from './meter';
import {
  assertObjectName, pieceKey, scratchFile, type FileStorage, type ListedObject, type ListedPiece, type PutResult, type StoredObject,
} from './storage';

/**
 * The local folder back end (default): pieces at `<root>/files/<sha[0..2]>/<sha>` (the layout the
 * first versions wrote, so existing data stays readable), named objects at `<root>/<name>`,
 * scratch files under `<root>/tmp` (same file system: placing a piece is a hard link).
 * Several replicas may share it only through a shared volume (NFS…); otherwise use S3.
 */
export class LocalStorage implements FileStorage {
  readonly description: string;

  readonly scratchDir: string;

  constructor(private readonly root: string) {
    this.description = `dossier local ${root}`;
    this.scratchDir = root;
  }

  /** Absolute path of a piece (tests and tools that look at the disk). */
  piecePath(sha256: string): string {
    return path.join(this.root, pieceKey(sha256));
  }

  tempFile(): Promise<string> {
    return scratchFile(this.root);
  }

  async putStream(source: Readable): Promise<PutResult> {
    const temp = await this.tempFile();
    try {
      const { sha256, size } = await writeHashing(source, temp);
      return { sha256, size, created: await this.putFile(temp, sha256) };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async putFile(file: string, sha256: string): Promise<boolean> {
    const target = this.piecePath(sha256);
    await mkdir(path.dirname(target), { recursive: true });
    try {
      await link(file, target); // atomic and exclusive: the same address always holds the same bytes
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    }
    // A file system without hard links (some network volumes): an exclusive copy instead.
    try {
      await copyFile(file, target, constants.COPYFILE_EXCL);
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  }

  async get(sha256: string): Promise<StoredObject | null> {
    return openFile(this.piecePath(sha256));
  }

  async exists(sha256: string): Promise<boolean> {
    return access(this.piecePath(sha256)).then(() => true, () => false);
  }

  async delete(sha256: string): Promise<void> {
    await rm(this.piecePath(sha256), { force: true });
  }

  async *list(): AsyncIterable<ListedPiece> {
    for await (const f of walk(path.join(this.root, 'files'))) {
      const sha256 = path.basename(f.path);
      if (/^[0-9a-f]{64}$/.test(sha256)) yield { sha256, size: f.size, modifiedAt: f.modifiedAt };
    }
  }

  async writeObject(name: string, source: Readable): Promise<{ size: number }> {
    assertObjectName(name);
    const target = path.join(this.root, name);
    await mkdir(path.dirname(target), { recursive: true });
    const temp = await this.tempFile();
    try {
      await pipeline(source, createWriteStream(temp, { flags: 'wx' }));
      const { size } = await stat(temp);
      await rename(temp, target); // atomic: readers see the old object or the whole new one
      return { size };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async readObject(name: string): Promise<StoredObject | null> {
    assertObjectName(name);
    return openFile(path.join(this.root, name));
  }

  async deleteObject(name: string): Promise<void> {
    assertObjectName(name);
    await rm(path.join(this.root, name), { force: true });
  }

  async *listObjects(prefix: string): AsyncIterable<ListedObject> {
    const base = prefix.replace(/\/+$/, '');
    assertObjectName(`${base}/x`);
    for await (const f of walk(path.join(this.root, base))) {
      yield { name: path.relative(this.root, f.path).split(path.sep).join('/'), size: f.size, modifiedAt: f.modifiedAt };
    }
  }

  async check(): Promise<void> {
    await mkdir(path.join(this.root, 'files'), { recursive: true });
    await access(path.join(this.root, 'files'), constants.W_OK);
  }

  async close(): Promise<void> {}
}

/** Writes `source` to `file` (exclusive create) while hashing it. */
export async function writeHashing(source: Readable, file: string): Promise<{ sha256: string; size: number }> {
  const m = meter();
  await pipeline(source, m.tap, createWriteStream(file, { flags: 'wx' }));
  return { sha256: m.sha256(), size: m.size() };
}

async function openFile(file: string): Promise<StoredObject | null> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const { size } = await fh.stat();
    return { stream: fh.createReadStream(), size };
  } catch (e) {
    await fh.close();
    throw e;
  }
}

async function* walk(dir: string): AsyncIterable<{ path: string; size: number; modifiedAt: Date }> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) {
      const s = await stat(p).catch(() => null); // removed meanwhile: skip it
      if (s) yield { path: p, size: s.size, modifiedAt: s.mtime };
    }
  }
}
