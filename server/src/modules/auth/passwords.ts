import { hash } from '@node-rs/argon2';

/**
 * Password policy for agents and demandeurs (CNIL 2022-100, R-ACCOUNT): 12 to 128
 * characters, no composition rule. Hashes are argon2id (the library's default algorithm).
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const hashPassword = (password: string) => hash(password);

/** A real argon2id hash of a random string, verified against when the email is unknown. */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$RWywxDRGJAp6lExOUvKmsg$Dcm0YfLbtAUjW/4H5jR1pGi2rSD1snEamnu6ACQieQ0';
