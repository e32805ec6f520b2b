/** Small helpers shared by the seed files: time arithmetic relative to `now`, names, checksums. */
import type { Rng } from './prng';

export const SECONDE = 1000;
export const MINUTE = 60 * SECONDE;
export const HEURE = 60 * MINUTE;
export const JOUR = 24 * HEURE;

/** The instant truncated to the second: every seeded timestamp is "to the second". */
export function alaSeconde(d: Date): Date {
  return new Date(Math.floor(d.getTime() / SECONDE) * SECONDE);
}

export function plusJours(d: Date, jours: number): Date {
  return alaSeconde(new Date(d.getTime() + jours * JOUR));
}

export function plusMs(d: Date, ms: number): Date {
  return alaSeconde(new Date(d.getTime() + ms));
}

/** A random instant in [a, b] (to the second); a when the interval is empty. */
export function entre(rng: Rng, a: Date, b: Date): Date {
  const lo = a.getTime();
  const hi = b.getTime();
  if (hi <= lo) return alaSeconde(a);
  return alaSeconde(new Date(lo + rng.float() * (hi - lo)));
}

/** A working-hours instant of the day of `d` (08:00–19:00 Paris, roughly 07:00–18:00 UTC). */
export function heureOuvree(rng: Rng, d: Date): Date {
  const jour = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  return alaSeconde(new Date(jour.getTime() + 7 * HEURE + rng.float() * 11 * HEURE));
}

export function min(...ds: Date[]): Date {
  return new Date(Math.min(...ds.map((d) => d.getTime())));
}

export function max(...ds: Date[]): Date {
  return new Date(Math.max(...ds.map((d) => d.getTime())));
}

/** 'YYYY-MM-DD' (UTC) for date-only columns. */
export function jourIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** "DEM-2026-000042". */
export function reference(prefixe: string, annee: number, n: number, chiffres: number): string {
  return `${prefixe}-${annee}-${String(n).padStart(chiffres, '0')}`;
}

/** Lower-case ASCII: accents removed ("Hélène" → "helene"). */
export function sansAccents(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The local part of an email from a name: "Jean-Pierre", "Le Goff" → "jean-pierre.legoff". */
export function localEmail(prenom: string, nom: string): string {
  const clean = (s: string) => sansAccents(s).toLowerCase().replace(/[^a-z0-9-]/g, '');
  return `${clean(prenom)}.${clean(nom)}`;
}

/** Appends the Luhn check digit (SIREN and SIRET are Luhn numbers). */
export function avecCleLuhn(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return digits + String((10 - (sum % 10)) % 10);
}

export function estLuhn(digits: string): boolean {
  return avecCleLuhn(digits.slice(0, -1)) === digits;
}

/** Rounds to the cent. */
export function centimes(n: number): number {
  return Math.round(n * 100) / 100;
}
