import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, paginateListObjectsV2, S3Client,
  type ServerSideEncryption,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { meter } from './meter';
import {
  assertObjectName, pieceKey, scratchFile, type FileStorage, type ListedObject, type ListedPiece, type PutResult, type StoredObject,
} from './storage';

export interface S3Options {
  bucket: string;
  /** Key prefix inside the bucket ("" or "als/"). */
  prefix: string;
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
  serverSideEncryption?: ServerSideEncryption;
  /** Local folder for scratch files (uploads being received, exports being produced). */
  scratchDir: string;
}

// Node 20 is the project's pinned runtime: the SDK's yearly notice about it would fill every start log.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * Any S3-compatible object store (AWS S3, Scaleway, OVH, MinIO, Ceph…). Credentials come from the
 * SDK's standard chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a profile, an instance role);
 * never from STORAGE_URL. Same keys as the local layout: `files/<sha[0..2]>/<sha>`, `exports/…`.
 * Checksums are sent only when an operation requires them, so stores without the newer
 * flexible-checksum headers work too.
 */
export class S3Storage implements FileStorage {
  readonly description: string;
  private readonly client: S3Client;

  constructor(private readonly o: S3Options) {
    this.description = `s3://${o.bucket}/${o.prefix}${o.endpoint ? ` (${new URL(o.endpoint).host})` : ''}`;
    this.client = new S3Client({
      region: o.region,
      endpoint: o.endpoint,
      forcePathStyle: o.forcePathStyle,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
    });
  }

  private key(k: string) {
    return this.o.prefix + k;
  }

  get scratchDir(): string {
    return this.o.scratchDir;
  }

  tempFile(): Promise<string> {
    return scratchFile(this.o.scratchDir);
  }

  /** Streams to a temporary key while hashing, then copies it to its address (server side) unless present. */
  async putStream(source: Readable): Promise<PutResult> {
    const temp = this.key(`tmp/${randomBytes(12).toString('hex')}`);
    const m = meter();
    source.on('error', (e) => m.tap.destroy(e));
    try {
      await this.upload(temp, source.pipe(m.tap));
      const sha256 = m.sha256();
      const size = m.size();
      const target = this.key(pieceKey(sha256));
      if (await this.head(target)) return { sha256, size, created: false };
      await this.client.send(new CopyObjectCommand({
        Bucket: this.o.bucket, Key: target, CopySource: `${this.o.bucket}/${encodeURI(temp)}`, ServerSideEncryption: this.o.serverSideEncryption,
      }));
      return { sha256, size, created: true };
    } finally {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.o.bucket, Key: temp })).catch(() => undefined);
    }
  }

  async putFile(file: string, sha256: string): Promise<boolean> {
    const target = this.key(pieceKey(sha256));
    if (await this.head(target)) return false;
    await this.upload(target, createReadStream(file));
    return true;
  }

  async get(sha256: string): Promise<StoredObject | null> {
    return this.open(this.key(pieceKey(sha256)));
  }

  async exists(sha256: string): Promise<boolean> {
    return (await this.head(this.key(pieceKey(sha256)))) !== null;
  }

  async delete(sha256: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.o.bucket, Key: this.key(pieceKey(sha256)) }));
  }

  async *list(): AsyncIterable<ListedPiece> {
    for await (const o of this.listKeys('files/')) {
      const sha256 = o.name.slice(o.name.lastIndexOf('/') + 1);
      if (/^[0-9a-f]{64}$/.test(sha256)) yield { sha256, size: o.size, modifiedAt: o.modifiedAt };
    }
  }

  async writeObject(name: string, source: Readable): Promise<{ size: number }> {
    assertObjectName(name);
    const m = meter();
    source.on('error', (e) => m.tap.destroy(e));
    await this.upload(this.key(name), source.pipe(m.tap));
    return { size: m.size() };
  }

  async readObject(name: string): Promise<StoredObject | null> {
    assertObjectName(name);
    return this.open(this.key(name));
  }

  async deleteObject(name: string): Promise<void> {
    assertObjectName(name);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.o.bucket, Key: this.key(name) }));
  }

  listObjects(prefix: string): AsyncIterable<ListedObject> {
    const base = prefix.replace(/\/+$/, '');
    assertObjectName(`${base}/x`);
    return this.listKeys(`${base}/`);
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.o.bucket }));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  /** Multipart when large (lib-storage), a single PUT otherwise; the object appears only when complete. */
  private async upload(key: string, body: Readable): Promise<void> {
    const up = new Upload({
      client: this.client,
      params: { Bucket: this.o.bucket, Key: key, Body: body, ServerSideEncryption: this.o.serverSideEncryption },
      queueSize: 2,
      partSize: 8 * 1024 * 1024,
    });
    await up.done();
  }

  private async head(key: string): Promise<{ size: number } | null> {
    try {
      const h = await this.client.send(new HeadObjectCommand({ Bucket: this.o.bucket, Key: key }));
      return { size: h.ContentLength ?? 0 };
    } catch (e) {
      if (absent(e)) return null;
      throw e;
    }
  }

  private async open(key: string): Promise<StoredObject | null> {
    try {
      const r = await this.client.send(new GetObjectCommand({ Bucket: this.o.bucket, Key: key }));
      return { stream: r.Body as Readable, size: r.ContentLength ?? 0 };
    } catch (e) {
      if (absent(e)) return null;
      throw e;
    }
  }

  private async *listKeys(sub: string): AsyncIterable<ListedObject> {
    const pages = paginateListObjectsV2({ client: this.client }, { Bucket: this.o.bucket, Prefix: this.key(sub) });
    for await (const page of pages) {
      for (const o of page.Contents ?? []) {
        if (!o.Key) continue;
        yield { name: o.Key.slice(this.o.prefix.length), size: o.Size ?? 0, modifiedAt: o.LastModified ?? new Date(0) };
      }
    }
  }
}

function absent(e: unknown): boolean {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === 'NoSuchKey' || err.name === 'NotFound' || err.$metadata?.httpStatusCode === 404;
}
