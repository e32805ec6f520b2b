/** A file name safe for Content-Disposition and logs: no path, no control characters, ≤ 120 chars. */
export function nomSur(nom: string): string {
  const base = nom.split(/[\\/]/).pop() ?? 'fichier';
  const propre = base.normalize('NFC').replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').replace(/\s+/g, ' ').trim();
  return (propre || 'fichier').slice(0, 120);
}
