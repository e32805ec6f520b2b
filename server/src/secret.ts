import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const caches = new Map<string, string>();

/**
 * The server's secret key (HMAC of the verification links' tokens, modules/comptes/liens.ts; the
 * key, through HKDF, that encrypts a bailleur link's random token in the outbox until its mail is
 * delivered, modules/bailleurs/jeton.ts):
 * `APP_SECRET` (≥ 32 characters) when set — the same value on every replica; otherwise a random
 * key made once in `DATA_DIR/secret.key` (mode 600), which replicas sharing DATA_DIR share. It
 * is never in the database: a dump of the outbox and of the link tables cannot rebuild a link. A
 * rotation breaks no live bailleur link (its token is random), only its mail not yet delivered.
 */
export function secretApplication(env: NodeJS.ProcessEnv): string {
  if (env.APP_SECRET) {
    if (env.APP_SECRET.length < 32) throw new Error('APP_SECRET doit compter au moins 32 caractères.');
    return env.APP_SECRET;
  }
  const fichier = path.join(path.resolve(env.DATA_DIR ?? './.data'), 'secret.key');
  const connu = caches.get(fichier);
  if (connu) return connu;
  let secret: string;
  try {
    secret = readFileSync(fichier, 'utf8').trim();
  } catch {
    mkdirSync(path.dirname(fichier), { recursive: true });
    secret = randomBytes(32).toString('base64url');
    try {
      writeFileSync(fichier, secret, { flag: 'wx', mode: 0o600 });
    } catch {
      secret = readFileSync(fichier, 'utf8').trim(); // another process wrote it first
    }
  }
  caches.set(fichier, secret);
  return secret;
}
