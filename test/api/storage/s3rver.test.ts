import { DeleteObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { startS3rver, useS3rverCredentials } from '@test/support/s3';

describe('the local S3 of the tests (s3rver)', () => {
  it('STORAGE-S3: survives scratch objects put and deleted at once (s3rver removes an emptied folder between a put\'s mkdir and its open)', async () => {
    useS3rverCredentials();
    const s3 = await startS3rver('als-course');
    try {
      const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true });
      let erreurs = 0;
      await Promise.all(
        Array.from({ length: 8 }, async (_, w) => {
          for (let i = 0; i < 100; i++) {
            const Key = `tmp/${w}-${i}`;
            try {
              await client.send(new PutObjectCommand({ Bucket: 'als-course', Key, Body: Buffer.alloc(1000) }));
              await client.send(new DeleteObjectCommand({ Bucket: 'als-course', Key }));
            } catch {
              erreurs++;
            }
          }
        }),
      );
      client.destroy();
      expect(erreurs).toBe(0);
    } finally {
      await s3.stop();
    }
  });
});
