/**
 * A small streaming multipart/form-data parser (RFC 7578), enough for the portal's upload:
 * it never holds a part in memory, finds the delimiter across chunk borders and bounds headers.
 * push(chunk) returns the events of that chunk in order; the caller applies back-pressure by
 * awaiting its own writes before pushing the next chunk. Any defect throws MultipartError.
 */
export class MultipartError extends Error {}

export type EvenementMultipart =
  | { type: 'debut'; champ: string; nomFichier: string | null; contentType: string | null }
  | { type: 'donnees'; octets: Buffer }
  | { type: 'fin' };

const MAX_ENTETES = 8 * 1024;
const CRLF = Buffer.from('\r\n');
const CRLFCRLF = Buffer.from('\r\n\r\n');

/** The boundary of a multipart/form-data Content-Type, or null. */
export function boundaryDe(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const [type, ...params] = contentType.split(';');
  if (type.trim().toLowerCase() !== 'multipart/form-data') return null;
  for (const p of params) {
    const i = p.indexOf('=');
    if (i < 0 || p.slice(0, i).trim().toLowerCase() !== 'boundary') continue;
    let v = p.slice(i + 1).trim();
    if (v.startsWith('"') && v.endsWith('"') && v.length >= 2) v = v.slice(1, -1);
    return /^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/.test(v) && !v.endsWith(' ') ? v : null;
  }
  return null;
}

function parametre(valeur: string, nom: string): string | null {
  // name="x"; filename="y" — quoted strings may hold ';' and escaped quotes.
  const re = new RegExp(`(?:^|;)\\s*${nom}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i');
  const m = re.exec(valeur);
  if (!m) return null;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2].trim();
}

type Etat = 'preambule' | 'apresDelimiteur' | 'entetes' | 'corps' | 'fin';

export class MultipartParser {
  private readonly delimiteur: Buffer;
  private etat: Etat = 'preambule';
  // A virtual CRLF in front: the first delimiter then looks like every other one.
  private tampon: Buffer = Buffer.from(CRLF);

  constructor(boundary: string) {
    this.delimiteur = Buffer.from(`\r\n--${boundary}`, 'latin1');
  }

  get termine() {
    return this.etat === 'fin';
  }

  push(chunk: Buffer): EvenementMultipart[] {
    const out: EvenementMultipart[] = [];
    this.tampon = this.tampon.length ? Buffer.concat([this.tampon, chunk]) : chunk;
    for (;;) {
      if (this.etat === 'fin') {
        this.tampon = Buffer.alloc(0); // epilogue: ignored
        return out;
      }
      if (this.etat === 'preambule' || this.etat === 'corps') {
        const i = this.tampon.indexOf(this.delimiteur);
        if (i < 0) {
          const garde = Math.max(0, this.tampon.length - (this.delimiteur.length - 1));
          if (this.etat === 'corps' && garde > 0) out.push({ type: 'donnees', octets: this.tampon.subarray(0, garde) });
          if (this.etat === 'preambule' && garde > MAX_ENTETES) throw new MultipartError('préambule trop long');
          this.tampon = this.tampon.subarray(garde);
          return out;
        }
        if (this.etat === 'corps') {
          if (i > 0) out.push({ type: 'donnees', octets: this.tampon.subarray(0, i) });
          out.push({ type: 'fin' });
        }
        this.tampon = this.tampon.subarray(i + this.delimiteur.length);
        this.etat = 'apresDelimiteur';
        continue;
      }
      if (this.etat === 'apresDelimiteur') {
        if (this.tampon.length < 2) return out;
        if (this.tampon[0] === 0x2d && this.tampon[1] === 0x2d) {
          this.etat = 'fin';
          continue;
        }
        // Transport padding (spaces/tabs) may precede the CRLF.
        const fin = this.tampon.indexOf(CRLF);
        if (fin < 0) {
          if (this.tampon.length > 64) throw new MultipartError('délimiteur mal formé');
          return out;
        }
        if (!/^[ \t]*$/.test(this.tampon.subarray(0, fin).toString('latin1'))) throw new MultipartError('délimiteur mal formé');
        this.tampon = this.tampon.subarray(fin + 2);
        this.etat = 'entetes';
        continue;
      }
      // entetes
      const fin = this.tampon.indexOf(CRLFCRLF);
      if (fin < 0) {
        if (this.tampon.length > MAX_ENTETES) throw new MultipartError('en-têtes de partie trop longs');
        return out;
      }
      out.push(this.entetes(this.tampon.subarray(0, fin).toString('utf8')));
      this.tampon = this.tampon.subarray(fin + 4);
      this.etat = 'corps';
    }
  }

  /** Call after the last chunk: a body that stops before the closing delimiter is malformed. */
  finir(): void {
    if (this.etat !== 'fin') throw new MultipartError('corps multipart tronqué');
  }

  private entetes(bloc: string): EvenementMultipart {
    let disposition: string | null = null;
    let contentType: string | null = null;
    for (const ligne of bloc.split('\r\n')) {
      const i = ligne.indexOf(':');
      if (i <= 0) throw new MultipartError('en-tête de partie mal formé');
      const nom = ligne.slice(0, i).trim().toLowerCase();
      const valeur = ligne.slice(i + 1).trim();
      if (nom === 'content-disposition') disposition = valeur;
      else if (nom === 'content-type') contentType = valeur;
    }
    if (!disposition || !/^form-data\s*(;|$)/i.test(disposition)) throw new MultipartError('Content-Disposition form-data attendu');
    const champ = parametre(disposition, 'name');
    if (champ === null || champ.length === 0 || champ.length > 100) throw new MultipartError('nom de champ manquant');
    return { type: 'debut', champ, nomFichier: parametre(disposition, 'filename'), contentType };
  }
}
