import { existsSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { constants, deflateRawSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { arreterInspection, prechaufferInspection } from '@server/modules/justificatifs/inspection/pool';
import { bearer, useTestApp } from '@test/support/app';
import { connexion, demande, demandeurActif, q } from '../portail/fixtures';

const t = useTestApp();
const MO = 1024 * 1024;
let serveur: Server;
let base: string;
beforeAll(async () => {
  serveur = createServer(t.app);
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
  await prechaufferInspection(); // as runServer does
});
afterAll(async () => {
  await new Promise((ok) => serveur.close(ok));
  await arreterInspection();
});

/**
 * A PDF whose object stream inflates to `mo` MB of zeros while the file stays about mo/1000 MB:
 * the same fully-flushed deflate block of 1 MB of zeros repeated, then the final block and the
 * Adler-32 of n zeros (a = 1, b = n mod 65521).
 */
export function bombePdf(mo: number): Buffer {
  const bloc = deflateRawSync(Buffer.alloc(MO), { finishFlush: constants.Z_FULL_FLUSH });
  const fin = deflateRawSync(Buffer.alloc(0));
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((mo * MO) % 65521) << 16) + 1 >>> 0);
  const flux = Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array<Buffer>(mo).fill(bloc), fin, adler]);
  return Buffer.concat([
    Buffer.from(
      '%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n' +
        '3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n' +
        `4 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${flux.length} >>\nstream\n`,
      'latin1',
    ),
    flux,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R /Size 5 >>\n%%EOF\n', 'latin1'),
  ]);
}

const tmpVide = () => !existsSync(path.join(inject('dataDir'), 'tmp')) || readdirSync(path.join(inject('dataDir'), 'tmp')).length === 0;

/** GET /api/health every 20 ms for `ms` (or until `fin()`), each round trip's duration; every answer must be 200. */
async function sonder(ms: number, fin: (n: number) => boolean = () => false): Promise<number[]> {
  const durees: number[] = [];
  const t0 = performance.now();
  while (!fin(durees.length) && performance.now() - t0 < ms) {
    const d = performance.now();
    const r = await fetch(`${base}/api/health`);
    expect(r.status).toBe(200);
    durees.push(performance.now() - d);
    await new Promise((ok) => setTimeout(ok, 20));
  }
  return durees;
}

async function demandeurPret() {
  const a = await demandeurActif(t.orm);
  const demandeId = await demande(t.orm, a.id, { socles: false });
  return { ...a, demandeId, token: await connexion(t.app, a.email) };
}

describe('SEC-BOMBE: an uploaded PDF is parsed off the event loop, within limits', () => {
  it('a 2 MB PDF inflating to 2 GB is refused (422 FICHIER_ILLISIBLE, nothing stored) in under 3 s while /api/health answers in under 100 ms', async () => {
    const a = await demandeurPret();
    const bombe = bombePdf(2048);
    expect(bombe.length).toBeLessThan(2.5 * MO);
    // /api/health round trips before the upload: what this machine's load alone costs (the margin of the max below).
    const avant = await sonder(1500);
    const boucle = monitorEventLoopDelay({ resolution: 10 });
    boucle.enable();
    const debut = performance.now();
    const envoi = request(base).post('/api/portail/justificatifs').set(bearer(a.token)).field('type', 'identite').attach('fichier', bombe, 'avis.pdf');
    let fini = false;
    // Until the upload is answered, and at least 6 probes (a bomb refused in 100 ms leaves few otherwise).
    const pendant = sonder(60_000, (n) => fini && n > 5);
    const r = await envoi;
    const duree = performance.now() - debut;
    fini = true;
    const sondes = await pendant;
    boucle.disable();
    const max = (xs: number[]) => Math.max(...xs);
    const p90 = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * 0.9)];
    console.log(`bombe : ${r.status} en ${Math.round(duree)} ms ; /api/health pendant : ${sondes.length} réponses, p90 ${Math.round(p90(sondes))} ms, max ${Math.round(max(sondes))} ms (avant : max ${Math.round(max(avant))} ms) ; boucle p90 ${Math.round(boucle.percentile(90) / 1e6)} ms, max ${Math.round(boucle.max / 1e6)} ms`);
    expect(r.status).toBe(422);
    expect(r.headers['content-type']).toContain('application/problem+json');
    expect(r.body.code).toBe('FICHIER_ILLISIBLE');
    expect(duree).toBeLessThan(3000);
    expect(sondes.length).toBeGreaterThan(5);
    expect(p90(sondes)).toBeLessThan(100);
    expect(boucle.percentile(90) / 1e6).toBeLessThan(100);
    expect(max(sondes)).toBeLessThan(100 + max(avant)); // on a loaded shared machine, a scheduling hiccup is not the server's
    expect(await q(t.orm, `select id from justificatif where demande_id = ?`, [a.demandeId])).toEqual([]);
    expect(tmpVide()).toBe(true);
  }, 60_000);
  it('SEC-BOMBE-DELAI: a 9 MB PDF of 200 000 small objects, whose parsing takes seconds, is refused at the 2 s limit (422, nothing stored); the next piece is served', async () => {
    const a = await demandeurPret();
    const corps = ['%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>\nendobj\n'];
    for (let i = 4; i < 200_004; i++) corps.push(`${i} 0 obj\n<< /A [1 2 3] /B (x) >>\nendobj\n`);
    corps.push('trailer\n<< /Root 1 0 R /Size 200004 >>\n%%EOF\n');
    const lent = Buffer.from(corps.join(''), 'latin1');
    expect(lent.length).toBeLessThan(10 * MO); // far under the 20 MB cap and with no compressed stream: only the clock stops it
    const debut = performance.now();
    const r = await request(base).post('/api/portail/justificatifs').set(bearer(a.token)).field('type', 'identite').attach('fichier', lent, 'avis.pdf');
    const duree = performance.now() - debut;
    console.log(`PDF de 200 000 objets : ${r.status} en ${Math.round(duree)} ms`);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('FICHIER_ILLISIBLE');
    expect(duree).toBeGreaterThan(2000); // the limit, not another refusal, answered
    expect(await q(t.orm, `select id from justificatif where demande_id = ?`, [a.demandeId])).toEqual([]);
    expect(tmpVide()).toBe(true);
    // The aborted task ended its thread; the pool starts another and the next upload is inspected.
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]);
    doc.setTitle(`suivant ${process.pid}-${Date.now()}`);
    const ok = await request(base).post('/api/portail/justificatifs').set(bearer(a.token)).field('type', 'identite').attach('fichier', Buffer.from(await doc.save()), 'avis.pdf');
    expect(ok.status).toBe(201);
  }, 60_000);
});

/** A one-page PDF whose catalog opens with `ouverture` (an action dictionary or a destination), saved with object streams. */
async function pdfOuvrant(ouverture: (doc: PDFDocument) => unknown) {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]);
  doc.catalog.set(PDFName.of('OpenAction'), ouverture(doc) as never);
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}
const PNG_HTML = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`png ${process.pid}-${Date.now()}<html><script>alert(document.cookie)</script></html>`)]);

describe('SEC-CONTENU-ACTIF: active content and polyglots are fraud signals (the piece is kept)', () => {
  const signal = async (justificatifId: number) =>
    (await q<{ type: string; score: number; preuves: { contenus: { code: string }[] } }>(t.orm, `select type, score, preuves from signalement where type = 'contenu_actif' and (preuves->>'justificatifId')::int = ?`, [justificatifId]))[0];
  const deposer = async (fichier: Buffer, nom: string) => {
    const a = await demandeurPret();
    const r = await request(t.app).post('/api/portail/justificatifs').set(bearer(a.token)).field('type', 'ressources').attach('fichier', fichier, nom);
    expect(r.status).toBe(201);
    return r.body.id as number;
  };

  it('a PDF running JavaScript on opening, one launching a program, a PNG and a PDF carrying HTML: one signal each, with what was found', async () => {
    const js = await deposer(await pdfOuvrant((d) => d.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') })), 'js.pdf');
    expect((await signal(js)).preuves.contenus.map((c) => c.code)).toEqual(['JavaScript', 'OpenAction']);
    expect((await signal(js)).score).toBe(80);
    const lance = await deposer(await pdfOuvrant((d) => d.context.obj({ S: 'Launch', F: PDFString.of('calc.exe') })), 'lance.pdf');
    expect((await signal(lance)).preuves.contenus.map((c) => c.code)).toEqual(['Launch', 'OpenAction']);
    const png = await deposer(PNG_HTML, 'photo.png');
    expect((await signal(png)).preuves.contenus.map((c) => c.code)).toEqual(['HTML']);
    const pdfHtml = await deposer(Buffer.concat([await pdfOuvrant((d) => d.context.obj([d.getPage(0).ref, PDFName.of('Fit')])), Buffer.from('<!DOCTYPE html><body onload="x()">')]), 'avis.pdf');
    expect((await signal(pdfHtml)).preuves.contenus.map((c) => c.code)).toEqual(['HTML']);
  });

  it('an ordinary PDF that opens on its first page (a destination) raises nothing', async () => {
    const id = await deposer(await pdfOuvrant((d) => d.context.obj([d.getPage(0).ref, PDFName.of('Fit')])), 'sage.pdf');
    expect(await signal(id)).toBeUndefined();
  });
});

describe('SEC-QUOTA: a demandeur’s pieces, history included, weigh at most QUOTA_PIECES_MO', () => {
  it('over the quota the upload is 413 QUOTA_PIECES with nothing stored; another demandeur is not affected', async () => {
    process.env.QUOTA_PIECES_MO = '1';
    try {
      const a = await demandeurPret();
      // Earlier pieces, replaced ones included, already weigh 900 kB.
      await q(t.orm, `insert into justificatif (demande_id, titulaire, type, statut, sha256, taille, mime, nom_original, actif, depose_le)
                      values (?, 'demandeur', 'identite', 'depose', repeat('1', 64), 600000, 'application/pdf', 'a.pdf', false, now()),
                             (?, 'demandeur', 'identite', 'depose', repeat('2', 64), 300000, 'application/pdf', 'b.pdf', true, now())`, [a.demandeId, a.demandeId]);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200_000, process.pid % 251)]);
      const r = await request(t.app).post('/api/portail/justificatifs').set(bearer(a.token)).field('type', 'ressources').attach('fichier', png, 'releve.png');
      expect(r.status).toBe(413);
      expect(r.body.code).toBe('QUOTA_PIECES');
      expect(await q(t.orm, `select id from justificatif where demande_id = ? and type = 'ressources'`, [a.demandeId])).toEqual([]);
      expect(tmpVide()).toBe(true);
      const b = await demandeurPret();
      const ok = await request(t.app).post('/api/portail/justificatifs').set(bearer(b.token)).field('type', 'ressources').attach('fichier', png, 'releve.png');
      expect(ok.status).toBe(201);
    } finally {
      delete process.env.QUOTA_PIECES_MO;
    }
  });
});

/** A PNG whose header announces `largeur` × `hauteur` (the pixel data, a few zero rows, stays tiny). */
function png(largeur: number, hauteur: number): Buffer {
  const chunk = (nom: string, data: Buffer) => {
    const l = Buffer.alloc(4);
    l.writeUInt32BE(data.length);
    return Buffer.concat([l, Buffer.from(nom, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(largeur, 0);
  ihdr.writeUInt32BE(hauteur, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateRawSync(Buffer.alloc(4096))), chunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG with an EXIF segment first, then a baseline frame of `largeur` × `hauteur`. */
function jpeg(largeur: number, hauteur: number): Buffer {
  const exif = Buffer.concat([Buffer.from([0xff, 0xe1, 0x04, 0x02]), Buffer.from('Exif\0\0', 'latin1'), Buffer.alloc(1024 - 6)]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 8, hauteur >> 8, hauteur & 0xff, largeur >> 8, largeur & 0xff, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), exif, sof, Buffer.from([0xff, 0xd9])]);
}

describe('SEC-IMAGE: an image whose header announces too many pixels is refused at upload', () => {
  it('SEC-IMAGE: a 20 000 × 20 000 PNG and a 10 000 × 6 000 JPEG are 422 IMAGE_TROP_GRANDE with nothing stored; a 4 000 × 3 000 photo is accepted', async () => {
    const a = await demandeurPret();
    const deposer = (fichier: Buffer, nom: string) => request(t.app).post('/api/portail/justificatifs').set(bearer(a.token)).field('type', 'identite').attach('fichier', fichier, nom);
    for (const [fichier, nom] of [[png(20_000, 20_000), 'bombe.png'], [jpeg(10_000, 6_000), 'grande.jpg']] as const) {
      const r = await deposer(fichier, nom);
      expect(r.status).toBe(422);
      expect(r.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(r.body.code).toBe('IMAGE_TROP_GRANDE');
    }
    expect(await q(t.orm, `select id from justificatif where demande_id = ? and type = 'identite'`, [a.demandeId])).toEqual([]);
    expect(tmpVide()).toBe(true);
    expect((await deposer(jpeg(4_000, 3_000), 'photo.jpg')).status).toBe(201);
    expect((await deposer(png(2_480, 3_508), 'scan.png')).status).toBe(201);
  });
});
