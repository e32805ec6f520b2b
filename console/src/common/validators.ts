import { regex } from 'react-admin';

/** Client-side checks mirroring the server's (which stays the authority). */
export const validateSiren = regex(/^\d{9}$/, 'app.validation.siren');
export const validateSiret = regex(/^\d{14}$/, 'app.validation.siret');
export const validateCodePostal = regex(/^\d{5}$/, 'app.validation.codePostal');
export const validateCodeInsee = regex(/^[0-9][0-9AB]\d{3}$/, 'app.validation.codeInsee');
export const DEPARTEMENT = /^(\d{2}|2A|2B|97\d)$/;
export const validateDepartement = regex(DEPARTEMENT, 'app.validation.departement');

/** Each territory of an agent must be a département code. */
export const validateTerritoires = (value: unknown) =>
  Array.isArray(value) && value.some((v) => !DEPARTEMENT.test(String(v))) ? 'app.validation.departement' : undefined;
