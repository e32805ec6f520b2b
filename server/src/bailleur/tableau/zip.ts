/**
 * A look at a ZIP's central directory before anything inflates it (an XLSX is a ZIP): how many
 * entries and how many bytes they claim once uncompressed. A zip bomb is refused here; one that lies
 * about its sizes still meets the parsing worker's memory limit and timeout.
 */
export interface ApercuZip {
  entrees: number;
  tailleDecompressee: number;
}

const FIN_REPERTOIRE = 0x06054b50;
const ENTREE_REPERTOIRE = 0x02014b50;

/** null when this is not a readable (non-ZIP64) ZIP archive. */
export function apercuZip(octets: Uint8Array): ApercuZip | null {
  const vue = new DataView(octets.buffer, octets.byteOffset, octets.byteLength);
  const min = Math.max(0, octets.length - 22 - 0xffff);
  let fin = -1;
  for (let i = octets.length - 22; i >= min; i--) {
    if (vue.getUint32(i, true) === FIN_REPERTOIRE) {
      fin = i;
      break;
    }
  }
  if (fin < 0) return null;
  const entrees = vue.getUint16(fin + 10, true);
  const debut = vue.getUint32(fin + 16, true);
  if (entrees === 0xffff || debut === 0xffffffff || debut >= octets.length) return null;
  let p = debut;
  let total = 0;
  for (let n = 0; n < entrees; n++) {
    if (p + 46 > octets.length || vue.getUint32(p, true) !== ENTREE_REPERTOIRE) return null;
    const taille = vue.getUint32(p + 24, true);
    if (taille === 0xffffffff) return null;
    total += taille;
    p += 46 + vue.getUint16(p + 28, true) + vue.getUint16(p + 30, true) + vue.getUint16(p + 32, true);
  }
  return { entrees, tailleDecompressee: total };
}
