/** Just enough MIME to read back what nodemailer sent (headers, RFC 2047 words, QP/base64 parts). */
const bytesQ = (s: string) => {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(s.charCodeAt(i));
  }
  return Buffer.from(out);
};

export function decoderMots(v: string): string {
  return v
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_m, _cs, enc: string, txt: string) =>
      (enc.toUpperCase() === 'B' ? Buffer.from(txt, 'base64') : bytesQ(txt.replace(/_/g, ' '))).toString('utf8'),
    );
}

export function entetes(bloc: string): Record<string, string> {
  const tete = bloc.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ');
  const h: Record<string, string> = {};
  for (const ligne of tete.split(/\r?\n/)) {
    const i = ligne.indexOf(':');
    if (i > 0) h[ligne.slice(0, i).trim().toLowerCase()] ??= ligne.slice(i + 1).trim();
  }
  return h;
}

function decoderCorps(h: Record<string, string>, corps: string): string {
  const cte = (h['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(corps.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') return bytesQ(corps.replace(/=\r?\n/g, '')).toString('utf8');
  return corps;
}

/** The decoded body of the first part of this content type (the message itself when not multipart). */
export function partie(raw: string, type: string): string | null {
  const h = entetes(raw);
  const corps = raw.slice(raw.search(/\r?\n\r?\n/)).replace(/^\r?\n\r?\n/, '');
  const ct = h['content-type'] ?? 'text/plain';
  const limite = /boundary="?([^";]+)"?/i.exec(ct)?.[1];
  if (!limite) return ct.toLowerCase().startsWith(type) ? decoderCorps(h, corps) : null;
  for (const p of corps.split(`--${limite}`).slice(1)) {
    if (p.startsWith('--')) break;
    const trouve = partie(p.replace(/^\r?\n/, ''), type);
    if (trouve !== null) return trouve;
  }
  return null;
}
