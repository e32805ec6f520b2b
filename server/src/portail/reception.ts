import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Request } from 'express';
import { badRequest, HttpProblem } from '@server/http/problem';
import { OCTETS_SIGNATURE, typeDetecte, type MimeAccepte } from '@server/modules/justificatifs/typeFichier';
import { supprimer } from '@server/modules/justificatifs/stockageDepot';
import type { FileStorage } from '@server/storage/storage';
import { boundaryDe, MultipartError, MultipartParser } from './multipart';

/** 20 MB per file (R-ACCOUNT pieces, §11.8); the form's other fields are small. */
export const TAILLE_MAX_FICHIER = 20 * 1024 * 1024;
const MARGE_FORMULAIRE = 64 * 1024;
const MAX_CHAMP = 200;
const MAX_PARTIES = 10;

export interface FichierRecu {
  temporaire: string;
  sha256: string;
  taille: number;
  mime: MimeAccepte;
  nomOriginal: string | null;
}

export interface FormulaireRecu {
  champs: Record<string, string>;
  fichier: FichierRecu | null;
}

export const tropVolumineux = () =>
  new HttpProblem(413, 'TROP_VOLUMINEUX', `Le fichier dépasse la taille maximale de ${TAILLE_MAX_FICHIER / 1024 / 1024} Mo.`, undefined, { Connection: 'close' });
export const typeRefuse = () =>
  new HttpProblem(415, 'TYPE_FICHIER', 'Seuls les fichiers PDF, JPEG et PNG sont acceptés (type reconnu à leur contenu, pas à leur nom).', undefined, { Connection: 'close' });

/**
 * Reads a multipart upload as it arrives: the declared Content-Length first (413 before reading
 * a byte), then each chunk — the file part is sniffed on its first bytes (415 at once), hashed
 * and written to a temporary file, and the reading stops as soon as it passes 20 MB (413). On
 * any refusal the temporary file is removed; a 413 or 415 closes the connection without reading the
 * rest of the body, a 400 drains it (bounded) so its keep-alive connection serves the next request. `fichier`
 * names the one file field; other fields are short texts.
 */
export async function recevoirFormulaire(req: Request, storage: FileStorage, fichierAttendu = 'fichier'): Promise<FormulaireRecu> {
  const boundary = boundaryDe(req.get('content-type'));
  if (!boundary) throw badRequest('MULTIPART_ATTENDU', 'Envoyez le formulaire en multipart/form-data (champs type, titulaire et fichier).');
  const declare = req.get('content-length');
  if (declare !== undefined && !(Number(declare) <= TAILLE_MAX_FICHIER + MARGE_FORMULAIRE)) throw tropVolumineux();

  const parser = new MultipartParser(boundary);
  const champs: Record<string, string> = {};
  let parties = 0;
  let courant: { champ: string; texte: Buffer[]; longueur: number } | null = null;
  let fichier: (FichierRecu & { debut: Buffer[]; ecrit: boolean; fermee: boolean }) | null = null;
  let fh: Awaited<ReturnType<typeof open>> | null = null;
  const hash = createHash('sha256');
  const iterateur = req[Symbol.asyncIterator]();
  let corpsLu = false;

  const ecrireDebut = async () => {
    const debut = Buffer.concat(fichier!.debut);
    const mime = typeDetecte(debut);
    if (!mime) throw typeRefuse();
    fichier!.mime = mime;
    fichier!.ecrit = true;
    hash.update(debut);
    await fh!.write(debut);
  };

  try {
    for (;;) {
      const { value, done } = await iterateur.next();
      if (done) {
        corpsLu = true;
        break;
      }
      for (const ev of parser.push(value as Buffer)) {
        if (ev.type === 'debut') {
          if (++parties > MAX_PARTIES) throw badRequest('MULTIPART_INVALIDE', 'Trop de champs dans le formulaire.');
          if (ev.champ === fichierAttendu) {
            if (fichier) throw badRequest('MULTIPART_INVALIDE', 'Un seul fichier par dépôt.');
            const temporaire = await storage.tempFile();
            fh = await open(temporaire, 'wx');
            fichier = { temporaire, sha256: '', taille: 0, mime: 'application/pdf', nomOriginal: ev.nomFichier, debut: [], ecrit: false, fermee: false };
          } else {
            if (ev.nomFichier !== null) throw badRequest('MULTIPART_INVALIDE', `Le champ « ${ev.champ.slice(0, 40)} » ne doit pas être un fichier.`);
            if (Object.hasOwn(champs, ev.champ)) throw badRequest('MULTIPART_INVALIDE', `Le champ « ${ev.champ.slice(0, 40)} » est en double.`);
            courant = { champ: ev.champ, texte: [], longueur: 0 };
          }
        } else if (ev.type === 'donnees') {
          if (courant) {
            courant.longueur += ev.octets.length;
            if (courant.longueur > MAX_CHAMP) throw badRequest('MULTIPART_INVALIDE', `Le champ « ${courant.champ.slice(0, 40)} » est trop long.`);
            courant.texte.push(Buffer.from(ev.octets));
          } else if (fichier && !fichier.fermee) {
            fichier.taille += ev.octets.length;
            if (fichier.taille > TAILLE_MAX_FICHIER) throw tropVolumineux();
            if (!fichier.ecrit) {
              fichier.debut.push(Buffer.from(ev.octets));
              if (fichier.taille >= OCTETS_SIGNATURE) await ecrireDebut();
            } else {
              hash.update(ev.octets);
              await fh!.write(ev.octets);
            }
          }
        } else if (courant) {
          champs[courant.champ] = Buffer.concat(courant.texte).toString('utf8');
          courant = null;
        } else if (fichier && !fichier.fermee) {
          if (!fichier.ecrit) await ecrireDebut();
          fichier.fermee = true;
        }
      }
    }
    parser.finir();
    if (fh) await (fh as Awaited<ReturnType<typeof open>>).close();
    fh = null;
    if (!fichier) return { champs, fichier: null };
    const f = fichier as FichierRecu;
    return { champs, fichier: { temporaire: f.temporaire, sha256: hash.digest('hex'), taille: f.taille, mime: f.mime, nomOriginal: f.nomOriginal } };
  } catch (e) {
    if (fh) await (fh as Awaited<ReturnType<typeof open>>).close().catch(() => undefined);
    if (fichier) await supprimer((fichier as FichierRecu).temporaire);
    const p =
      e instanceof MultipartError ? badRequest('MULTIPART_INVALIDE', `Formulaire multipart invalide : ${e.message}.`)
      : e instanceof HttpProblem ? e
      : badRequest('MULTIPART_INVALIDE', 'Le formulaire n’a pas pu être lu en entier.');
    throw corpsLu ? p : await apresRefus(iterateur, p);
  }
}

/** At most this much of a refused body is read and thrown away to keep its connection; beyond it, the connection closes. */
const VIDAGE_OCTETS = TAILLE_MAX_FICHIER + MARGE_FORMULAIRE;
const VIDAGE_MS = 5000;

/**
 * A refusal part-way through the body: the unread rest would stay in front of the next request on
 * this keep-alive connection (which then waits, and fails at the keep-alive timeout). A small rest
 * (a 400 on a field or a part count) is read and dropped, bounded in bytes and time, and the
 * connection kept; 413 and 415 already close the connection without reading on (their body may
 * be large); past the bounds the answer says `Connection: close`.
 */
async function apresRefus(iterateur: AsyncIterator<unknown>, p: HttpProblem): Promise<HttpProblem> {
  const fermer = () => new HttpProblem(p.status, p.code, p.detail, p.errors, { ...p.headers, Connection: 'close' });
  if (p.headers?.Connection === 'close') return p;
  let lus = 0;
  let minuteur: NodeJS.Timeout | undefined;
  const delai = new Promise<'delai'>((ok) => (minuteur = setTimeout(() => ok('delai'), VIDAGE_MS)));
  try {
    for (;;) {
      const r = await Promise.race([iterateur.next(), delai]);
      if (r === 'delai') return fermer();
      if (r.done) return p;
      lus += (r.value as Buffer).length;
      if (lus > VIDAGE_OCTETS) return fermer();
    }
  } catch {
    return fermer(); // the client went away: nothing to keep
  } finally {
    clearTimeout(minuteur);
  }
}
