import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { logger } from '@server/logger';
import type { StoredObject } from '@server/storage/storage';

/**
 * Streams a stored object (piece, export) as the response body, with its Content-Length. Once
 * bytes are sent no problem+json can follow: a storage failure mid-way cuts the connection (the
 * client sees a short body) and is logged; a client that leaves is not an error.
 */
export async function envoyerObjet(res: Response, obj: StoredObject): Promise<void> {
  res.setHeader('Content-Length', String(obj.size));
  try {
    await pipeline(obj.stream, res);
  } catch (e) {
    // Through the one logger (JSON line, redaction, the request's id): never console.error with a raw message.
    const journal = (res.req as { log?: typeof logger } | undefined)?.log ?? logger;
    if ((e as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') journal.error({ err: e }, 'Lecture du stockage interrompue.');
    res.destroy();
  }
}
