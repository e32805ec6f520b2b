import type { MikroORM } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Reglementation, StatutJustificatif, Titulaire, TypeJustificatif } from '@shared/domain/enums';
import { png } from '@seeds/files/png';
import { SQL_ENREGISTRER_RANG_DESIGNATION } from '@server/modules/candidatures/rangDesignation';
import { readAll, type FileStorage } from '@server/storage/storage';

let n = 0;
const uid = () => `${process.pid}x${++n}`;
const conn = (orm: MikroORM) => orm.em.fork().getConnection();

export async function creerBailleur(orm: MikroORM, nom = `Bailleur test ${uid()}`) {
  const siren = String(100_000_000 + Math.floor(Math.random() * 800_000_000));
  const [{ id }] = await conn(orm).execute<{ id: number }[]>(
    `insert into bailleur (nom, siren, email) values (?, ?, 'contact@bailleur.test') returning id`, [nom, siren]);
  return { id, nom };
}

export async function creerOffreDe(orm: MikroORM, bailleurId: number, reglementation: Reglementation = 'plus', titre = 'Résidence des Tilleuls') {
  const c = conn(orm);
  const [p] = await c.execute<{ id: number }[]>(`select id from programme order by id limit 1`);
  const [{ id }] = await c.execute<{ id: number }[]>(
    `insert into offre (reference, titre, nature, forme, bailleur_id, programme_id, typologie, surface, loyer, commune, code_insee, code_postal,
       departement, reglementation, plafonds, nombre_logements, publiee, debut_publication, fin_publication)
     values (?, ?, 'classique', 'identifie', ?, ?, 'T3', 65, 700, 'Lyon', '69123', '69003', '69', ?, ?, 10, true, now() - interval '30 days', now() + interval '60 days')
     returning id`,
    [`OFF-X-${uid()}`, titre, bailleurId, p.id, reglementation, JSON.stringify({ 1: 20000, 2: 30000, 3: 40000 })],
  );
  return id;
}

/** Marks a candidature designated at `le` by `agentId` (statut + designeeLe + its rank then + the audit event the designation writes). */
export async function designer(orm: MikroORM, candidatureId: number, le: Date, agentId: number, statut: 'transmise_bailleur' | 'attribuee' = 'transmise_bailleur') {
  const c = conn(orm);
  await c.execute(`update candidature set statut = ?, designee_le = ?, cloture_le = ? where id = ?`, [statut, le, statut === 'attribuee' ? le : null, candidatureId]);
  await c.execute(SQL_ENREGISTRER_RANG_DESIGNATION, [`{${candidatureId}}`]);
  await c.execute(
    `insert into audit_event (at, acteur_type, acteur_id, action, entite, entite_id, de, vers) values (?, 'agent', ?, 'designer', 'candidature', ?, 'en_instruction', 'transmise_bailleur')`,
    [le, agentId, candidatureId],
  );
}

/** Stores bytes in the run's file storage (content-addressed, as uploads are); returns the sha256. */
export async function stocker(storage: FileStorage, octets: Uint8Array): Promise<string> {
  return (await storage.putStream(Readable.from([Buffer.from(octets)]))).sha256;
}

/** The bytes of a named object of the storage (an export's file). */
export async function lireObjet(storage: FileStorage, nom: string): Promise<Buffer> {
  const o = await storage.readObject(nom);
  if (!o) throw new Error(`${nom} absent du stockage`);
  return readAll(o);
}

/** A PDF of `pages` pages, each carrying `marqueur` (found back with pdftotext). */
export async function pdfAvec(marqueur: string, pages = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595.28, 841.89]).drawText(`${marqueur} page ${i}`, { x: 50, y: 780, size: 14, font });
  return doc.save();
}

export const pngTest = () =>
  png({ width: 120, height: 80, fond: [240, 240, 235], bande: [30, 80, 160], bandeY: 10, bandeHauteur: 14, motif: [1, 0, 1, 1, 0], textes: { Title: 'test' } });

export async function ajouterPiece(
  orm: MikroORM, demandeId: number, type: TypeJustificatif, sha: string,
  o: { titulaire?: Titulaire; statut?: StatutJustificatif; mime?: string } = {},
) {
  const [{ id }] = await conn(orm).execute<{ id: number }[]>(
    `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, depose_le, date_validite_fin)
     values (?, ?, ?, ?, ?, 100, ?, 'piece', now(), '2099-12-31') returning id`,
    [demandeId, o.titulaire ?? 'demandeur', type, o.statut ?? 'valide', sha, o.mime ?? 'application/pdf'],
  );
  return id;
}

/** Every row of a sheet as arrays of cell values (1-based columns dropped). */
export function lignes(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

export async function lireXlsx(storage: FileStorage, nom: string) {
  const o = await storage.readObject(nom);
  if (!o) throw new Error(`${nom} absent du stockage`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.read(o.stream);
  return wb;
}
