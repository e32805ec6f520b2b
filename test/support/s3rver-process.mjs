// s3rver in its own process: `node --openssl-legacy-provider test/support/s3rver-process.mjs <dir> <bucket>`.
// The flag is for s3rver's list continuation tokens (DES, a legacy cipher in OpenSSL 3); the
// process prints {"port": N} once listening and stops on SIGTERM or when its parent goes.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import S3rver from 's3rver';

const [directory, bucket, prefix = ''] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1', port: 0, silent: process.env.S3RVER_LOG !== '1', directory, configureBuckets: [{ name: bucket }],
});
const { port } = await server.run();
// s3rver removes a folder once its last object is deleted, and a put creates the folder, then opens
// its file: a delete of the last scratch object between the two makes the put fail with ENOENT and
// crash the process (seen in CI). The storage's scratch folder keeps a file s3rver does not list
// (no ._S3rver_object suffix), so it is never emptied.
const scratch = path.join(directory, bucket, ...prefix.split('/').filter(Boolean), 'tmp');
mkdirSync(scratch, { recursive: true });
writeFileSync(path.join(scratch, '.garde'), '');
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = () => server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent holds our stdin: when it goes (even killed), so do we.
process.stdin.on('close', stop);
process.stdin.resume();
