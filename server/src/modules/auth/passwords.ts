import { hash } from '@node-rs/argon2';

/** Hashes are argon2id (the library's default algorithm); the policy is shared/rules/motDePasse.ts. */

export const hashPassword = (password: string) => hash(password);

/** A real argon2id hash of a random string, verified against when the email is unknown. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$RWywxDRGJAp6lExOUvKmsg$Dcm0YfLbtAUjW/4H5jR1pGi2rSD1snEamnu6ACQieQ0';
