import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** s3rver's fixed credentials (it checks the signatures made with them). */
export const S3RVER_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

const SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 's3rver-process.mjs');

/**
 * A local S3-compatible server (s3rver, in a child process) on a free port with one bucket, for
 * the tests that run against the S3 back end. Returns the STORAGE_URL that names it.
 */
export async function startS3rver(bucket = 'als-test', prefix = '') {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'als-s3rver-'));
  const child = spawn(process.execPath, ['--openssl-legacy-provider', SCRIPT, directory, bucket, prefix], { stdio: ['pipe', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /\{"port":(\d+)\}/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`s3rver exited (${code})`)));
    child.once('error', reject);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    url: `s3://${bucket}/${prefix}?endpoint=${encodeURIComponent(endpoint)}&region=us-east-1&forcePathStyle=true`,
    directory,
    async stop() {
      if (child.exitCode === null) {
        const fini = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await fini;
      }
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The S3 SDK reads its credentials from the environment (as in production): s3rver's ones. */
export function useS3rverCredentials() {
  Object.assign(process.env, S3RVER_CREDENTIALS);
}
