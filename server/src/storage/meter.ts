import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';

/** A pass-through that counts the bytes going through it and hashes them (sha256). */
export function meter() {
  const hash = createHash('sha256');
  let size = 0;
  let digest: string | null = null;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return {
    tap,
    size: () => size,
    sha256: () => (digest ??= hash.digest('hex')),
  };
}
