/**
 * The file storage contract (server/src/storage/storage.ts), run as the same suite against both
 * back ends: the local folder and an S3-compatible store (s3rver, started here).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '@server/storage/create';
import { LocalStorage } from '@server/storage/local';
import { readAll, type FileStorage } from '@server/storage/storage';
import { startS3rver, useS3rverCredentials } from '@test/support/s3';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const octets = (texte: string) => Buffer.from(`${texte} ${process.pid} ${Math.random()}`);
/** A stream that yields `avant` then fails: a client that leaves mid-upload, a storage that breaks. */
function fluxCasse(avant: Buffer) {
  return new Readable({
    read() {
      if (avant.length) {
        this.push(avant);
        avant = Buffer.alloc(0);
      } else this.destroy(new Error('connexion coupée'));
    },
  });
}
async function tous<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

interface BackEnd {
  storage: FileStorage;
  scratch: string;
  stop(): Promise<void>;
}

const BACK_ENDS: [string, () => Promise<BackEnd>][] = [
  ['local folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'als-storage-'));
    return { storage: new LocalStorage(dir), scratch: dir, stop: async () => rmSync(dir, { recursive: true, force: true }) };
  }],
  ['S3 (s3rver)', async () => {
    const s3 = await startS3rver('als-contrat', 'instance-a');
    useS3rverCredentials();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'als-storage-s3-'));
    const storage = createStorage({ storageUrl: s3.url, dataDir: dir });
    return { storage, scratch: dir, stop: async () => { await storage.close(); await s3.stop(); rmSync(dir, { recursive: true, force: true }); } };
  }],
];

describe.each(BACK_ENDS)('file storage: %s', (_nom, demarrer) => {
  let b: BackEnd;
  let s: FileStorage;
  const scratchVide = () => !existsSync(path.join(b.scratch, 'tmp')) || readdirSync(path.join(b.scratch, 'tmp')).length === 0;
  beforeAll(async () => {
    b = await demarrer();
    s = b.storage;
    await s.check();
  });
  afterAll(async () => b?.stop());

  describe('pieces (content-addressed by sha256)', () => {
    it('putStream hashes while storing: the address is the sha256, written once (created, then not)', async () => {
      const x = octets('piece');
      const r = await s.putStream(Readable.from([x.subarray(0, 5), x.subarray(5)]));
      expect(r).toEqual({ sha256: sha(x), size: x.length, created: true });
      expect(await s.putStream(Readable.from([x]))).toEqual({ sha256: sha(x), size: x.length, created: false });
      expect(await s.exists(sha(x))).toBe(true);
      const lu = await s.get(sha(x));
      expect(lu!.size).toBe(x.length);
      expect(await readAll(lu!)).toEqual(x);
      expect(scratchVide()).toBe(true);
    });

    it('streams both ways a piece larger than one multipart part (12 MB), bytes unchanged', async () => {
      const gros = Buffer.alloc(12 * 1024 * 1024);
      for (let i = 0; i < gros.length; i += 4096) gros.writeUInt32BE((i * 2654435761) >>> 0, i);
      const morceaux = Array.from({ length: 48 }, (_, i) => gros.subarray(i * 262_144, (i + 1) * 262_144));
      const r = await s.putStream(Readable.from(morceaux));
      expect(r).toMatchObject({ sha256: sha(gros), size: gros.length, created: true });
      const lu = await s.get(r.sha256);
      expect(lu!.size).toBe(gros.length);
      const h = createHash('sha256');
      let n = 0;
      for await (const c of lu!.stream) {
        h.update(c as Buffer);
        n++;
      }
      expect(h.digest('hex')).toBe(r.sha256);
      expect(n).toBeGreaterThan(1); // read as a stream, not one buffer
      await s.delete(r.sha256);
    });

    it('putFile places a received scratch file at its address; the same bytes again → created false', async () => {
      const x = octets('depot');
      const f = await s.tempFile();
      expect(path.dirname(f)).toBe(path.join(b.scratch, 'tmp'));
      writeFileSync(f, x);
      expect(await s.putFile(f, sha(x))).toBe(true);
      expect(await s.putFile(f, sha(x))).toBe(false);
      rmSync(f);
      expect(await readAll((await s.get(sha(x)))!)).toEqual(x);
    });

    it('a stream that fails midway stores nothing and leaves no scratch file', async () => {
      const avant = (await tous(s.list())).length;
      await expect(s.putStream(fluxCasse(octets('debut')))).rejects.toThrow();
      expect((await tous(s.list())).length).toBe(avant);
      expect(scratchVide()).toBe(true);
    });

    it('absent piece: get → null, exists → false, delete does nothing; delete removes a stored one', async () => {
      const absent = sha(octets('absent'));
      expect(await s.get(absent)).toBeNull();
      expect(await s.exists(absent)).toBe(false);
      await s.delete(absent);
      const x = octets('a supprimer');
      await s.putStream(Readable.from([x]));
      await s.delete(sha(x));
      expect(await s.exists(sha(x))).toBe(false);
      expect(await s.get(sha(x))).toBeNull();
    });

    it('list yields every piece with its size and date (orphan sweeps)', async () => {
      const x = octets('liste');
      const debut = Date.now() - 5_000;
      await s.putStream(Readable.from([x]));
      const trouve = (await tous(s.list())).find((p) => p.sha256 === sha(x));
      expect(trouve).toMatchObject({ size: x.length });
      expect(trouve!.modifiedAt.getTime()).toBeGreaterThan(debut);
      expect((await tous(s.list())).every((p) => /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true);
    });

    it('refuses an address that is not a sha256 (no path ever built from input)', async () => {
      await expect(s.get('../../etc/passwd')).rejects.toThrow(/sha256/);
      await expect(s.exists('ABC')).rejects.toThrow(/sha256/);
    });
  });

  describe('named objects (exports)', () => {
    it('writeObject streams in, readObject streams out, listObjects and deleteObject', async () => {
      const x = octets('export');
      expect(await s.writeObject('exports/1-abc.xlsx', Readable.from([x]))).toEqual({ size: x.length });
      const lu = await s.readObject('exports/1-abc.xlsx');
      expect(lu!.size).toBe(x.length);
      expect(await readAll(lu!)).toEqual(x);
      const liste = await tous(s.listObjects('exports/'));
      expect(liste.map((o) => o.name)).toContain('exports/1-abc.xlsx');
      expect(liste.find((o) => o.name === 'exports/1-abc.xlsx')!.size).toBe(x.length);
      await s.deleteObject('exports/1-abc.xlsx');
      expect(await s.readObject('exports/1-abc.xlsx')).toBeNull();
      await s.deleteObject('exports/1-abc.xlsx');
    });

    it('a failed write leaves the previous object whole (atomic), and nothing in scratch', async () => {
      const v1 = octets('version 1');
      await s.writeObject('exports/2-x.pdf', Readable.from([v1]));
      await expect(s.writeObject('exports/2-x.pdf', fluxCasse(octets('version 2')))).rejects.toThrow();
      expect(await readAll((await s.readObject('exports/2-x.pdf'))!)).toEqual(v1);
      expect(scratchVide()).toBe(true);
      const v3 = octets('version 3');
      await s.writeObject('exports/2-x.pdf', Readable.from([v3]));
      expect(await readAll((await s.readObject('exports/2-x.pdf'))!)).toEqual(v3);
    });

    it('names are the server’s own: no traversal, no hidden file, not inside the pieces or scratch folders', async () => {
      for (const nom of ['../x', 'exports/../../x', 'exports/.cache', '/exports/x', 'Exports/x', 'exports', 'files/ab/x', 'tmp/x', 'pg/PG_VERSION', 'exports/a b']) {
        await expect(s.writeObject(nom, Readable.from([Buffer.from('x')])), nom).rejects.toThrow(/invalid object name/);
        await expect(s.readObject(nom), nom).rejects.toThrow(/invalid object name/);
      }
      expect(await s.readObject('exports/jamais-ecrit.xlsx')).toBeNull();
    });
  });
});

describe('file storage: layouts', () => {
  it('local folder: reads files written by earlier versions at <DATA_DIR>/files/<sha[0..2]>/<sha>', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'als-storage-ancien-'));
    try {
      const x = octets('ancien');
      mkdirSync(path.join(dir, 'files', sha(x).slice(0, 2)), { recursive: true });
      writeFileSync(path.join(dir, 'files', sha(x).slice(0, 2), sha(x)), x);
      mkdirSync(path.join(dir, 'exports'));
      writeFileSync(path.join(dir, 'exports', '7-ancien.xlsx'), x);
      const s = createStorage({ dataDir: dir });
      expect(s.description).toBe(`dossier local ${dir}`);
      expect(await readAll((await s.get(sha(x)))!)).toEqual(x);
      expect(await readAll((await s.readObject('exports/7-ancien.xlsx'))!)).toEqual(x);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('S3: the same keys as on disk, under the URL’s prefix; two prefixes in one bucket do not see each other', async () => {
    const s3 = await startS3rver('als-cles');
    useS3rverCredentials();
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'als-storage-cles-'));
    const a = createStorage({ storageUrl: s3.url.replace('als-cles/', 'als-cles/prod/'), dataDir: scratch });
    const b = createStorage({ storageUrl: s3.url.replace('als-cles/', 'als-cles/recette/'), dataDir: scratch });
    const racine = createStorage({ storageUrl: s3.url, dataDir: scratch });
    try {
      expect(a.description).toMatch(/^s3:\/\/als-cles\/prod\/ \(127\.0\.0\.1:\d+\)$/);
      const x = octets('cles');
      await a.putStream(Readable.from([x]));
      await a.writeObject('exports/9-z.xlsx', Readable.from([x]));
      expect(await b.exists(sha(x))).toBe(false);
      expect(await tous(b.listObjects('exports'))).toEqual([]);
      // Seen from the bucket's root: prod/files/<sha[0..2]>/<sha> and prod/exports/…, nothing in tmp/ after the put.
      const tout = (await tous(racine.listObjects('prod'))).map((o) => o.name).sort();
      expect(tout).toEqual([`prod/exports/9-z.xlsx`, `prod/files/${sha(x).slice(0, 2)}/${sha(x)}`]);
    } finally {
      for (const s of [a, b, racine]) await s.close();
      await s3.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('STORAGE_URL: clear refusals (no credentials in the URL, known schemes only, a bucket)', () => {
    expect(() => createStorage({ storageUrl: 's3://KEY:SECRET@bucket?endpoint=http://x', dataDir: '/tmp' })).toThrow(/AWS_ACCESS_KEY_ID/);
    expect(() => createStorage({ storageUrl: 'ftp://x/y', dataDir: '/tmp' })).toThrow(/schéma/);
    expect(() => createStorage({ storageUrl: 's3:///chemin', dataDir: '/tmp' })).toThrow(/bucket/);
    expect(() => createStorage({ storageUrl: 's3://b?sse=rot13', dataDir: '/tmp' })).toThrow(/sse/);
    expect(createStorage({ storageUrl: 'file:///srv/als', dataDir: '/tmp' }).description).toBe('dossier local /srv/als');
  });
});
