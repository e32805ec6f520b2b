import { inject } from 'vitest';
import { createStorage } from '@server/storage/create';
import type { FileStorage } from '@server/storage/storage';
import { useS3rverCredentials } from './s3';

/**
 * The storage of the API test run: the local folder DATA_DIR, or the s3rver that globalSetup
 * started when TEST_STORAGE=s3 (the same files, seeded there).
 */
export function testStorage(): FileStorage {
  const storageUrl = inject('storageUrl') || undefined;
  if (storageUrl?.startsWith('s3:')) useS3rverCredentials();
  return createStorage({ storageUrl, dataDir: inject('dataDir') });
}
