// s3rver in its own process: `node --openssl-legacy-provider test/support/s3rver-process.mjs <dir> <bucket>`.
// The flag is for s3rver's list continuation tokens (DES, a legacy cipher in OpenSSL 3); the
// process prints {"port": N} once listening and stops on SIGTERM or when its parent goes.
import S3rver from 's3rver';

const [directory, bucket] = process.argv.slice(2);
const server = new S3rver({
  address: '127.0.0.1', port: 0, silent: process.env.S3RVER_LOG !== '1', directory, configureBuckets: [{ name: bucket }],
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);
const stop = () => server.close().finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The parent holds our stdin: when it goes (even killed), so do we.
process.stdin.on('close', stop);
process.stdin.resume();
