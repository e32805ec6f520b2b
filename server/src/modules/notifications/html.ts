/**
 * The simple HTML alternative of a notification, built from its stored plain-text body at
 * delivery: same words (so both parts always agree, even for rows written before a template
 * changed), paragraphs on blank lines, line breaks kept, web links clickable, everything escaped.
 */
const ECHAPPEMENTS: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const echapper = (s: string) => s.replace(/[&<>"']/g, (c) => ECHAPPEMENTS[c]);
const LIEN = /https?:\/\/[^\s<>"«»]+[^\s<>"«».,;:!?)]/g;

function ligne(texte: string): string {
  let out = '';
  let fin = 0;
  for (const m of texte.matchAll(LIEN)) {
    out += echapper(texte.slice(fin, m.index)) + `<a href="${echapper(m[0])}">${echapper(m[0])}</a>`;
    fin = m.index + m[0].length;
  }
  return out + echapper(texte.slice(fin));
}

export function texteVersHtml(sujet: string, corps: string): string {
  const paragraphes = corps
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .filter((p) => p.trim() !== '')
    .map((p) => `<p style="margin:0 0 1em">${p.split('\n').map(ligne).join('<br>\n')}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><title>${echapper(sujet)}</title></head>
<body style="font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;max-width:640px">
${paragraphes}
</body>
</html>
`;
}
