import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryDe, MultipartError, MultipartParser } from '@server/portail/multipart';

const B = 'frontiere-42';

function corps(parties: { nom: string; fichier: string | null; contenu: Buffer }[]) {
  return Buffer.concat([
    Buffer.from('préambule ignoré\r\n'),
    ...parties.map((p) =>
      Buffer.concat([
        Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="${p.nom}"${p.fichier !== null ? `; filename="${p.fichier}"` : ''}\r\n\r\n`),
        p.contenu,
        Buffer.from('\r\n'),
      ]),
    ),
    Buffer.from(`--${B}--\r\népilogue`),
  ]);
}

function lire(body: Buffer, coupures: number[]) {
  const p = new MultipartParser(B);
  const parties: { nom: string; fichier: string | null; contenu: Buffer }[] = [];
  let courant: Buffer[] = [];
  let debut = 0;
  for (const fin of [...coupures.filter((c) => c > 0 && c < body.length).sort((a, b) => a - b), body.length]) {
    for (const ev of p.push(body.subarray(debut, fin))) {
      if (ev.type === 'debut') {
        parties.push({ nom: ev.champ, fichier: ev.nomFichier, contenu: Buffer.alloc(0) });
        courant = [];
      } else if (ev.type === 'donnees') courant.push(Buffer.from(ev.octets));
      else parties[parties.length - 1].contenu = Buffer.concat(courant);
    }
    debut = fin;
  }
  p.finir();
  return parties;
}

describe('streaming multipart parser', () => {
  it('finds every part whatever the chunk borders, even with bytes that look like the delimiter', () => {
    const piege = fc.constantFrom('\r\n--', `\r\n--${B.slice(0, 5)}`, `--${B}`, '\r\n\r\n', '\r', '-');
    const contenu = fc.array(fc.oneof(fc.uint8Array({ maxLength: 40 }).map((u) => Buffer.from(u)), piege.map((s) => Buffer.from(s))), { maxLength: 8 }).map((l) => Buffer.concat(l))
      .filter((b) => !b.includes(`\r\n--${B}`)); // a sender picks a boundary absent from the content (RFC 2046)
    const partie = fc.record({ nom: fc.constantFrom('type', 'titulaire', 'fichier'), fichier: fc.option(fc.constantFrom('a.pdf', 'b c.png'), { nil: null }), contenu });
    fc.assert(
      fc.property(fc.array(partie, { maxLength: 4 }), fc.array(fc.nat(2000), { maxLength: 12 }), (parties, coupures) => {
        expect(lire(corps(parties), coupures)).toEqual(parties);
      }),
      { numRuns: 500, seed: 42 },
    );
  });

  it('throws on a truncated body or a part without Content-Disposition', () => {
    const ok = corps([{ nom: 'type', fichier: null, contenu: Buffer.from('identite') }]);
    expect(() => lire(ok.subarray(0, ok.length - 20), [])).toThrow(MultipartError);
    expect(() => lire(Buffer.from(`--${B}\r\nX-Autre: 1\r\n\r\nx\r\n--${B}--`), [])).toThrow(MultipartError);
  });

  it('reads the boundary of the Content-Type (quoted or not) and refuses others', () => {
    expect(boundaryDe('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryDe('Multipart/Form-Data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
    expect(boundaryDe('multipart/form-data')).toBeNull();
    expect(boundaryDe('application/json; boundary=abc')).toBeNull();
    expect(boundaryDe(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull();
    expect(boundaryDe(undefined)).toBeNull();
  });
});
