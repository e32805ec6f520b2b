import { fileURLToPath } from 'node:url';
import type { ServerSideEncryption } from '@aws-sdk/client-s3';
import { LocalStorage } from './local';
import { S3Storage } from './s3';
import type { FileStorage } from './storage';

/**
 * The storage STORAGE_URL names (README, « Mise en production »):
 * - unset → the local folder DATA_DIR (`<DATA_DIR>/files/…`, `<DATA_DIR>/exports/…`);
 * - `file:///srv/als-fichiers` → another local folder (a shared volume);
 * - `s3://bucket[/prefix]?endpoint=https://s3.example&region=fr-par&forcePathStyle=true&sse=AES256`
 *   → an S3-compatible store; credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the
 *   SDK's other sources), never in the URL.
 * Scratch files always go under DATA_DIR/tmp on this machine.
 */
export function createStorage(o: { storageUrl?: string; dataDir: string }): FileStorage {
  if (!o.storageUrl) return new LocalStorage(o.dataDir);
  let u: URL;
  try {
    u = new URL(o.storageUrl);
  } catch {
    throw new Error('STORAGE_URL invalide : attendu file:///chemin ou s3://bucket?endpoint=…');
  }
  if (u.protocol === 'file:') return new LocalStorage(fileURLToPath(u));
  if (u.protocol !== 's3:') throw new Error(`STORAGE_URL : schéma « ${u.protocol} » inconnu (file: ou s3:).`);
  if (u.username || u.password) throw new Error('STORAGE_URL ne doit pas contenir d’identifiants : utilisez AWS_ACCESS_KEY_ID et AWS_SECRET_ACCESS_KEY.');
  if (!u.hostname) throw new Error('STORAGE_URL : nom du bucket manquant (s3://bucket).');
  const q = u.searchParams;
  const chemin = decodeURIComponent(u.pathname).replace(/^\/+|\/+$/g, '');
  const sse = q.get('sse');
  if (sse && sse !== 'AES256' && sse !== 'aws:kms') throw new Error('STORAGE_URL : sse vaut AES256 ou aws:kms.');
  return new S3Storage({
    bucket: u.hostname,
    prefix: chemin ? `${chemin}/` : '',
    endpoint: q.get('endpoint') ?? undefined,
    region: q.get('region') ?? process.env.AWS_REGION ?? 'us-east-1',
    forcePathStyle: q.get('forcePathStyle') === 'true',
    serverSideEncryption: (sse as ServerSideEncryption | null) ?? undefined,
    scratchDir: o.dataDir,
  });
}
