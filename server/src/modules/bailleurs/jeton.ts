import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * R-BAIL-LIEN: a bailleur link's token is 32 random bytes (base64url, 43 characters); only its
 * sha256 is stored on the link (bailleur_lien.token_hash), so neither a dump of the database nor
 * the holder of the server's secret can mint a working link, and a secret rotation leaves every
 * live link working.
 */
export const nouveauJeton = () => randomBytes(32).toString('base64url');

/**
 * Between the envoi and the delivery of its mail the token waits in the outbox row
 * (notification.jeton_chiffre), encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from
 * the server's secret (secret.ts), bound to the link's id (additional data): readers of the outbox
 * see « [lien masqué] » and a ciphertext. The delivery decrypts it to build the mail, then wipes it.
 */
const cle = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'als', 'outbox:jeton-lien-bailleur:v1', 32));
const PREFIXE = 'v1.';

export function chiffrerJeton(secret: string, jeton: string, lienId: number): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', cle(secret), iv);
  c.setAAD(Buffer.from(`lien-bailleur:${lienId}`));
  const chiffre = Buffer.concat([c.update(jeton, 'utf8'), c.final()]);
  return PREFIXE + Buffer.concat([iv, chiffre, c.getAuthTag()]).toString('base64url');
}

/** The token back, or an error (other secret, other link, altered value). */
export function dechiffrerJeton(secret: string, valeur: string, lienId: number): string {
  if (!valeur.startsWith(PREFIXE)) throw new Error('jeton chiffré : format inconnu');
  const octets = Buffer.from(valeur.slice(PREFIXE.length), 'base64url');
  if (octets.length < 12 + 16 + 1) throw new Error('jeton chiffré : trop court');
  const d = createDecipheriv('aes-256-gcm', cle(secret), octets.subarray(0, 12));
  d.setAAD(Buffer.from(`lien-bailleur:${lienId}`));
  d.setAuthTag(octets.subarray(octets.length - 16));
  return Buffer.concat([d.update(octets.subarray(12, octets.length - 16)), d.final()]).toString('utf8');
}
