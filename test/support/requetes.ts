import type { DefaultLogger } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';

/**
 * The SQL statements the ORM sends while `f` runs (its query logger, switched on for that time and
 * restored after), e.g. to count how many times a query runs for one request.
 */
export async function requetesPendant(orm: MikroORM, f: () => Promise<unknown>): Promise<string[]> {
  const logger = orm.config.getLogger() as DefaultLogger;
  const requetes: string[] = [];
  const origine = { logQuery: logger.logQuery, mode: logger.debugMode };
  logger.setDebugMode(['query']);
  logger.logQuery = (contexte: { query: string }) => void requetes.push(contexte.query);
  try {
    await f();
  } finally {
    logger.logQuery = origine.logQuery;
    logger.setDebugMode(origine.mode);
  }
  return requetes;
}
