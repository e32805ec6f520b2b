/**
 * One password policy for agents and demandeurs (R-ACCOUNT, §9.5; CNIL deliberation 2022-100;
 * OWASP ASVS 5.0 V6.2): 12 to 128 characters (Unicode code points), no composition rule, but
 * none of the most common passwords of public leaks (compared case-insensitively), nor a single
 * repeated character, nor the account's own e-mail. Used by the portal's registration, the
 * agents' forms (server and console) and the first admin's ADMIN_PASSWORD.
 */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

/** Passwords of 12 characters or more among the most frequent in public leaks (French and international lists). */
export const MOTS_DE_PASSE_COURANTS: readonly string[] = [
  '123456789012', '1234567890123', '12345678901234', '123456789123', '123456789000', '123456789101',
  '012345678910', '098765432100', '000000000000', '111111111111', '123123123123', '121212121212',
  '123456123456', '112233445566', '147258369147', '159753159753', 'azertyuiop123', 'azertyuiop1234',
  'azertyuiopqsd', 'azertyuiopqsdf', 'azertyuiopqsdfghjklm', 'azerty123456', 'azerty1234567', 'azertyazerty',
  'azertyuiop12', 'azerty12345678', 'qwertyuiop123', 'qwertyuiop1234', 'qwertyuiopasdf',
  'qwertyuiopasdfghjkl', 'qwerty123456', 'qwerty1234567', 'qwertyqwerty', 'qwertyuiop12', '1q2w3e4r5t6y',
  '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', 'q1w2e3r4t5y6', 'a1z2e3r4t5y6', 'zaq12wsxcde3', 'motdepasse123',
  'motdepasse1234', 'motdepasse12345', 'motdepasse2024', 'motdepasse2025', 'motdepasse2026', 'monmotdepasse',
  'monmotdepasse1', 'monmotdepasse123', 'motdepassemotdepasse', 'password1234', 'password12345',
  'password123456', 'passwordpassword', 'password2024', 'password2025', 'password2026', 'mypassword123',
  'iloveyou1234', 'iloveyou12345', 'jetaime123456', 'jetaimemoncoeur', 'bonjour123456', 'bonjour12345',
  'soleil123456', 'doudou123456', 'chouchou1234', 'loulou123456', 'marseille1234', 'marseille13013',
  'parisparis75', 'paris1234567', 'olympiquedemarseille', 'allezlom1899', 'nicolas12345', 'camille12345',
  'alexandre123', 'alexandre1234', 'christophe12', 'sebastien123', 'stephanie123', 'guillaume123',
  'motdepasse!!', 'abcdefghijkl', 'abcdefghijklm', 'abcdef123456', 'abcd12345678', 'abc123456789',
  '123456abcdef', 'abcdefgh1234', 'aaaaaaaaaaaa', 'azertyuiopmlkjhgfdsq', 'football1234', 'football12345',
  'princesse123', 'superman1234', 'starwars1234', 'pokemon12345', 'welcome12345', 'letmein12345',
  'administrateur', 'administrator', 'admin1234567', 'changeme1234', 'changezmoi123', 'bienvenue123',
  'bienvenue1234', 'logement1234', 'actionlogement', 'actionlogement1',
];

const COURANTS: ReadonlySet<string> = new Set(MOTS_DE_PASSE_COURANTS);

export const longueur = (s: string) => [...s].length;

export const estCourant = (motDePasse: string) => COURANTS.has(motDePasse.toLowerCase());

/** A French reason when the password is refused, or null when the policy accepts it. */
export function refusMotDePasse(motDePasse: string, email?: string | null): string | null {
  const n = longueur(motDePasse);
  if (n < PASSWORD_MIN) return `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`;
  if (n > PASSWORD_MAX) return `Le mot de passe doit contenir au plus ${PASSWORD_MAX} caractères.`;
  if (estCourant(motDePasse)) return 'Ce mot de passe fait partie des plus utilisés : choisissez-en un autre (une phrase de plusieurs mots, par exemple).';
  if (new Set(motDePasse).size === 1) return 'Ce mot de passe répète un seul caractère : choisissez-en un autre.';
  if (email && motDePasse.toLowerCase() === email.toLowerCase()) return 'Le mot de passe ne peut pas être votre adresse électronique.';
  return null;
}
