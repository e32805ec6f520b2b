/**
 * Import of the official list of communes with coordinates into `commune` (the offers' radius
 * search, §11.17): `npm run communes:import -- <file.csv>`.
 *
 * Reads data.gouv's "communes-departement-region.csv" (code_commune_INSEE, nom_commune_complet |
 * nom_commune | nom_commune_postal, code_postal, latitude, longitude, code_departement) and La
 * Poste's ";"-separated variant (coordonnees_gps "lat, lon"); header names are matched without
 * case. The file is streamed and upserted in batches; a commune listed under several postal
 * codes keeps the smallest one; rows without coordinates are skipped.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface CommuneImportee {
  codeInsee: string;
  nom: string;
  codePostal: string;
  departement: string;
  latitude: number;
  longitude: number;
}

export interface BilanImport {
  lues: number;
  importees: number;
  ignorees: number;
}

/** One CSV line → fields (RFC 4180 quotes, "" inside quotes). */
export function champsCsv(ligne: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '';
  let entre = false;
  for (let i = 0; i < ligne.length; i++) {
    const ch = ligne[i];
    if (entre) {
      if (ch === '"' && ligne[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') entre = false;
      else cur += ch;
    } else if (ch === '"') entre = true;
    else if (ch === sep) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

export function departementDe(codeInsee: string): string {
  return codeInsee.startsWith('97') || codeInsee.startsWith('98') ? codeInsee.slice(0, 3) : codeInsee.slice(0, 2);
}

type Lecteur = (champs: string[]) => CommuneImportee | null;

/** Builds the row reader from the header line; throws when a required column is missing. */
export function lecteurDepuisEntete(entete: string[]): Lecteur {
  const cols = entete.map((h) => h.replace(/^\uFEFF/, '').trim().toLowerCase());
  const col = (...noms: string[]) => noms.map((n) => cols.indexOf(n)).find((i) => i >= 0) ?? -1;
  const iInsee = col('code_commune_insee', 'code_insee', 'codgeo');
  const iNom = col('nom_commune_complet', 'nom_commune', 'libelle', 'nom_commune_postal');
  const iCp = col('code_postal', 'codepostal');
  const iLat = col('latitude', 'lat');
  const iLon = col('longitude', 'lon', 'lng');
  const iGps = col('coordonnees_gps', 'coordonnees_geographiques');
  const iDep = col('code_departement', 'dep');
  if (iInsee < 0 || iNom < 0 || iCp < 0 || ((iLat < 0 || iLon < 0) && iGps < 0)) {
    throw new Error('En-tête non reconnu : colonnes attendues code_commune_INSEE, nom_commune, code_postal, latitude et longitude (ou coordonnees_gps).');
  }
  return (c) => {
    const codeInsee = (c[iInsee] ?? '').toUpperCase().padStart(5, '0');
    const codePostal = (c[iCp] ?? '').padStart(5, '0');
    const nom = c[iNom] ?? '';
    let [lat, lon] = [c[iLat], c[iLon]];
    if ((lat === undefined || lat === '' || lon === undefined || lon === '') && iGps >= 0) [lat, lon] = (c[iGps] ?? '').split(',').map((s) => s.trim());
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (!/^(\d{5}|2[AB]\d{3})$/.test(codeInsee) || !/^\d{5}$/.test(codePostal) || !nom || lat === '' || lon === '') return null;
    if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
    const dep = iDep >= 0 && c[iDep] ? c[iDep].toUpperCase() : departementDe(codeInsee);
    return { codeInsee, nom: nom.slice(0, 100), codePostal, departement: dep.slice(0, 3), latitude, longitude };
  };
}

async function ecrire(em: EntityManager, lot: Map<string, CommuneImportee>) {
  const rows = [...lot.values()];
  if (rows.length === 0) return;
  await em.execute(
    `insert into commune (code_insee, nom, code_postal, departement, latitude, longitude) values ${rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}
     on conflict (code_insee) do update set nom = excluded.nom, departement = excluded.departement, latitude = excluded.latitude,
       longitude = excluded.longitude, code_postal = least(commune.code_postal, excluded.code_postal)`,
    rows.flatMap((r) => [r.codeInsee, r.nom, r.codePostal, r.departement, r.latitude, r.longitude]),
  );
}

/** Upserts the communes of these CSV lines (header first), `taille` rows per statement, in one transaction. */
export async function importerCommunes(em: EntityManager, lignes: AsyncIterable<string>, taille = 1000): Promise<BilanImport> {
  const bilan: BilanImport = { lues: 0, importees: 0, ignorees: 0 };
  await em.transactional(async (tx) => {
    let lire: Lecteur | null = null;
    let sep = ',';
    let lot = new Map<string, CommuneImportee>();
    for await (const brute of lignes) {
      const ligne = brute.replace(/\r$/, '');
      if (!ligne.trim()) continue;
      if (!lire) {
        sep = ligne.split(';').length > ligne.split(',').length ? ';' : ',';
        lire = lecteurDepuisEntete(champsCsv(ligne, sep));
        continue;
      }
      bilan.lues++;
      const c = lire(champsCsv(ligne, sep));
      if (!c) {
        bilan.ignorees++;
        continue;
      }
      const deja = lot.get(c.codeInsee);
      if (!deja) bilan.importees++;
      if (!deja || c.codePostal < deja.codePostal) lot.set(c.codeInsee, c);
      if (lot.size >= taille) {
        await ecrire(tx, lot);
        lot = new Map();
      }
    }
    if (!lire) throw new Error('Fichier vide : aucune ligne d’en-tête.');
    await ecrire(tx, lot);
  });
  return bilan;
}

/**
 * The file's lines. The reader is created on the first read, not before: readline starts reading
 * at once and would drop the lines emitted before anyone iterates (e.g. while a transaction opens).
 */
export async function* lignesDuFichier(fichier: string): AsyncIterable<string> {
  yield* createInterface({ input: createReadStream(fichier, 'utf8'), crlfDelay: Infinity });
}

async function main(fichier: string | undefined) {
  if (!fichier) {
    console.error('Usage : npm run communes:import -- <communes.csv>');
    process.exit(2);
  }
  const { loadConfig } = await import('@server/config');
  const { openDatabase } = await import('@server/db/database');
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log: console.log });
  try {
    const debut = Date.now();
    const b = await importerCommunes(db.orm.em.fork(), lignesDuFichier(fichier));
    console.log(`Communes : ${b.lues} lignes lues, ${b.importees} communes importées ou mises à jour, ${b.ignorees} lignes ignorées (${Date.now() - debut} ms).`);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv[2]).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
