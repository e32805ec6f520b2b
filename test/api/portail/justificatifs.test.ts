import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { bearer, useTestApp } from '@test/support/app';
import { connexion, demande, demandeurActif, q } from './fixtures';

const t = useTestApp();
const MO = 1024 * 1024;
const dataDir = () => inject('dataDir');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const tmpVide = () => !existsSync(path.join(dataDir(), 'tmp')) || readdirSync(path.join(dataDir(), 'tmp')).length === 0;

async function pdfAvec(producer: string, titre = 'Avis d’imposition') {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(titre);
  doc.setProducer(producer);
  doc.setCreator('Test');
  doc.setCreationDate(new Date('2026-01-02T03:04:05Z'));
  doc.setModificationDate(new Date('2026-02-03T04:05:06Z'));
  doc.addPage([200, 200]);
  return Buffer.from(await doc.save());
}
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`png ${process.pid} ${Date.now()}`)]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`jpeg ${process.pid} ${Date.now()}`)]);

async function pret(opts: { codemandeur?: boolean } = {}) {
  const a = await demandeurActif(t.orm);
  const demandeId = await demande(t.orm, a.id, { socles: false, codemandeur: opts.codemandeur });
  return { ...a, demandeId, token: await connexion(t.app, a.email) };
}
const deposer = (token: string, fichier: Buffer, nom: string, type = 'identite', titulaire = 'demandeur') =>
  request(t.app).post('/api/portail/justificatifs').set(bearer(token)).field('type', type).field('titulaire', titulaire).attach('fichier', fichier, nom);
const lignes = async (demandeId: number) => q<Record<string, unknown>>(t.orm, `select * from justificatif where demande_id = ? order by id`, [demandeId]);

describe('POST /api/portail/justificatifs', () => {
  it('stores a PDF by sha256 in the file storage with its metadata (pdf-lib), the name sanitised, and audits it', async () => {
    const a = await pret();
    const pdf = await pdfAvec('Microsoft Word');
    const r = await deposer(a.token, pdf, '../../etc/Avis 2025\u0000.PDF');
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ type: 'identite', titulaire: 'demandeur', statut: 'depose', mime: 'application/pdf', taille: pdf.length });
    const [j] = await lignes(a.demandeId);
    expect(j.sha256).toBe(sha(pdf));
    expect(j.nom_original).toBe('Avis 2025_.pdf');
    expect(j.metadonnees_pdf).toMatchObject({ producer: 'Microsoft Word', creator: 'Test', title: 'Avis d’imposition', creationDate: '2026-01-02T03:04:05.000Z', modificationDate: '2026-02-03T04:05:06.000Z' });
    expect(await t.storage.exists(sha(pdf))).toBe(true);
    expect(tmpVide()).toBe(true);
    const [ev] = await q<{ action: string; acteur_type: string }>(t.orm, `select action, acteur_type from audit_event where entite = 'justificatif' and entite_id = ?`, [j.id]);
    expect(ev).toEqual({ action: 'depot', acteur_type: 'demandeur' });
  });

  it('§11.13: the upload runs the fraud-signal hook in its transaction (a Photoshop PDF raises a metadonnees_pdf signal)', async () => {
    const a = await pret();
    const r = await deposer(a.token, await pdfAvec('Adobe Photoshop 25.0 (Windows)'), 'avis.pdf', 'avis_imposition');
    expect(r.status).toBe(201);
    const s = await q<{ type: string }>(t.orm, `select type from signalement where ? = any(demandeur_ids)`, [a.id]);
    expect(s.map((x) => x.type)).toContain('metadonnees_pdf');
  });

  it('judges PNG and JPEG by their bytes, whatever their name', async () => {
    const a = await pret();
    const png = await deposer(a.token, PNG, 'scan.pdf', 'ressources');
    expect(png.status).toBe(201);
    expect(png.body.mime).toBe('image/png');
    expect(png.body.nomOriginal).toBe('scan.png');
    const jpg = await deposer(a.token, JPEG, 'photo', 'avis_imposition');
    expect(jpg.status).toBe(201);
    expect(jpg.body.mime).toBe('image/jpeg');
    expect(jpg.body.statutDemande).toBe('brouillon');
  });

  it('an .exe renamed .pdf → 415 TYPE_FICHIER, no row and no file left', async () => {
    const a = await pret();
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(4096, 7), Buffer.from(String(Date.now()))]);
    const r = await deposer(a.token, exe, 'avis-imposition.pdf');
    expect(r.status).toBe(415);
    expect(r.body.code).toBe('TYPE_FICHIER');
    expect(await lignes(a.demandeId)).toHaveLength(0);
    expect(await t.storage.exists(sha(exe))).toBe(false);
    expect(tmpVide()).toBe(true);
  });

  it('a file starting with %PDF- that pdf-lib cannot open → 415, nothing stored', async () => {
    const a = await pret();
    const faux = Buffer.from(`%PDF-1.7 mais rien d’autre ${Date.now()}`);
    const r = await deposer(a.token, faux, 'x.pdf');
    expect(r.status).toBe(415);
    expect(await lignes(a.demandeId)).toHaveLength(0);
    expect(await t.storage.exists(sha(faux))).toBe(false);
    expect(tmpVide()).toBe(true);
  });

  it('20 MB is accepted; 20 MB + 1 byte → 413 TROP_VOLUMINEUX, no row, no file', async () => {
    const a = await pret();
    const limite = Buffer.alloc(20 * MO, 1);
    JPEG.copy(limite, 0, 0, 4);
    limite.write(String(Date.now()), 10);
    const ok = await deposer(a.token, limite, 'limite.jpg');
    expect(ok.status).toBe(201);
    const trop = Buffer.alloc(20 * MO + 1, 2);
    JPEG.copy(trop, 0, 0, 4);
    const r = await deposer(a.token, trop, 'trop.jpg', 'ressources');
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('TROP_VOLUMINEUX');
    expect(await lignes(a.demandeId)).toHaveLength(1);
    expect(await t.storage.exists(sha(trop))).toBe(false);
    expect(tmpVide()).toBe(true);
  });

  it('a declared Content-Length over the limit → 413 before the body is read', async () => {
    const a = await pret();
    const server = t.app.listen(0);
    try {
      const port = (server.address() as AddressInfo).port;
      const res = await new Promise<{ status: number; body: string; envoye: number }>((resolve, reject) => {
        const req = httpRequest({
          port,
          method: 'POST',
          path: '/api/portail/justificatifs',
          headers: { ...bearer(a.token), 'Content-Type': 'multipart/form-data; boundary=xyz', 'Content-Length': String(50 * MO) },
        });
        let envoye = 0;
        req.on('response', (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body, envoye }));
        });
        req.on('error', reject);
        // Send the start of the body only: the answer must come without the rest.
        const debut = Buffer.from('--xyz\r\nContent-Disposition: form-data; name="fichier"; filename="a.jpg"\r\n\r\n');
        envoye += debut.length;
        req.write(debut);
      });
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).code).toBe('TROP_VOLUMINEUX');
      expect(res.envoye).toBeLessThan(1024);
    } finally {
      server.close();
    }
  });

  it('replacing a piece of the same type and titulaire keeps its history (old row inactive, new row points to it)', async () => {
    const a = await pret();
    const v1 = await deposer(a.token, await pdfAvec('v1'), 'v1.pdf', 'ressources');
    const v2 = await deposer(a.token, await pdfAvec('v2'), 'v2.pdf', 'ressources');
    expect(v2.status).toBe(201);
    expect(v2.body.remplace).toBe(v1.body.id);
    const rows = await lignes(a.demandeId);
    expect(rows.map((r) => [r.id, r.actif, r.remplace])).toEqual([
      [v1.body.id, false, null],
      [v2.body.id, true, v1.body.id],
    ]);
    const [ev] = await q<{ action: string }>(t.orm, `select action from audit_event where entite = 'justificatif' and entite_id = ?`, [v2.body.id]);
    expect(ev.action).toBe('remplacement');
  });

  it('the three socles make the demande complete; the same bytes twice share one file', async () => {
    const a = await pret();
    const pdf = await pdfAvec('partage ' + Date.now());
    expect((await deposer(a.token, pdf, 'a.pdf', 'identite')).body.statutDemande).toBe('brouillon');
    expect((await deposer(a.token, pdf, 'b.pdf', 'ressources')).body.statutDemande).toBe('brouillon');
    expect((await deposer(a.token, PNG, 'c.png', 'avis_imposition')).body.statutDemande).toBe('complete');
    const [d] = await q<{ statut: string }>(t.orm, `select statut from demande where id = ?`, [a.demandeId]);
    expect(d.statut).toBe('complete');
  });

  it('refuses with nothing stored: codemandeur piece without codemandeur (409), unknown type (400), missing file (400), not multipart (400), no demande (409)', async () => {
    const a = await pret();
    const pdf = await pdfAvec('refus ' + Date.now());
    const r1 = await deposer(a.token, pdf, 'a.pdf', 'identite', 'codemandeur');
    expect([r1.status, r1.body.code]).toEqual([409, 'SANS_CODEMANDEUR']);
    const r2 = await deposer(a.token, pdf, 'a.pdf', 'passeport');
    expect([r2.status, r2.body.code]).toEqual([400, 'VALIDATION']);
    const r3 = await request(t.app).post('/api/portail/justificatifs').set(bearer(a.token)).field('type', 'identite');
    expect([r3.status, r3.body.code]).toEqual([400, 'VALIDATION']);
    const r4 = await request(t.app).post('/api/portail/justificatifs').set(bearer(a.token)).send({ type: 'identite' });
    expect([r4.status, r4.body.code]).toEqual([400, 'MULTIPART_ATTENDU']);
    expect(await lignes(a.demandeId)).toHaveLength(0);
    expect(await t.storage.exists(sha(pdf))).toBe(false);
    const b = await demandeurActif(t.orm);
    const r5 = await deposer(await connexion(t.app, b.email), pdf, 'a.pdf');
    expect([r5.status, r5.body.code]).toEqual([409, 'DEMANDE_ABSENTE']);
    expect(await t.storage.exists(sha(pdf))).toBe(false);
    expect(tmpVide()).toBe(true);
  });

  it('a refused upload of bytes another piece already uses leaves that file in place', async () => {
    const a = await pret();
    const pdf = await pdfAvec('commun ' + Date.now());
    expect((await deposer(a.token, pdf, 'a.pdf')).status).toBe(201);
    const sansDemande = await demandeurActif(t.orm);
    const r = await deposer(await connexion(t.app, sansDemande.email), pdf, 'a.pdf');
    expect(r.status).toBe(409);
    expect(await t.storage.exists(sha(pdf))).toBe(true);
    expect(tmpVide()).toBe(true);
  });

  it('accepts a codemandeur piece when the demande has one', async () => {
    const a = await pret({ codemandeur: true });
    expect((await deposer(a.token, PNG, 'cm.png', 'identite', 'codemandeur')).status).toBe(201);
  });

  it('needs a session', async () => {
    expect((await request(t.app).post('/api/portail/justificatifs').attach('fichier', PNG, 'a.png')).status).toBe(401);
  });
});
