import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { executerExport } from '@server/modules/exports/executer';
import { createAgent } from '@test/support/agents';
import { bearer, login, useTestApp } from '@test/support/app';
import { creerDossier } from '@test/support/fixtures';
import { ajouterPiece, creerBailleur, creerOffreDe, designer, lireObjet, pdfAvec, pngTest, stocker } from './fixtures';

const t = useTestApp();
let manager: string;
let conseiller: string;
let bailleur: { id: number; nom: string };
let candidatureId: number;
let nonDesignee: number;

/** Text of one page (1-based) with poppler's pdftotext, in content-stream order (-raw). */
function textePage(fichier: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-raw', fichier, '-'], { encoding: 'utf8' });
}
/** pdftotext writes the diagonal watermark one glyph per line: compare without whitespace. */
const compact = (t: string) => t.replace(/\s+/g, '');

beforeAll(async () => {
  const m = await createAgent(t.orm, 'manager');
  manager = await login(t.app, m.email, m.password);
  const c = await createAgent(t.orm, 'conseiller', ['69']);
  conseiller = await login(t.app, c.email, c.password);
  bailleur = await creerBailleur(t.orm, 'Grand Lyon Habitat Test');
  // pls: socles + justificatif_domicile (demandeur) + attestation_employeur (foyer).
  const offre = await creerOffreDe(t.orm, bailleur.id, 'pls');
  const d = await creerDossier(t.orm, { offreId: offre, statut: 'en_instruction', pieces: {}, situations: ['violences_familiales'], dateCandidature: new Date('2026-09-01T08:00:00Z') });
  const piece = async (type: Parameters<typeof ajouterPiece>[2], pages: number, o: Parameters<typeof ajouterPiece>[4] = {}) =>
    ajouterPiece(t.orm, d.demandeId, type, await stocker(t.storage, await pdfAvec(`PIECE-${type}-${o.statut ?? 'valide'}`, pages)), o);
  await piece('identite', 2);
  await piece('ressources', 1);
  await ajouterPiece(t.orm, d.demandeId, 'avis_imposition', await stocker(t.storage, pngTest()), { mime: 'image/png' });
  await piece('justificatif_domicile', 3);
  await piece('attestation_employeur', 1);
  // Not required by the reglementation (situation piece), and a refused duplicate: never sent.
  await piece('justificatif_situation', 1);
  await piece('bulletin_salaire', 1);
  await piece('ressources', 1, { statut: 'refuse' });
  await designer(t.orm, d.candidatureId, new Date('2026-10-20T09:00:00Z'), c.id);
  candidatureId = d.candidatureId;
  nonDesignee = (await creerDossier(t.orm, { offreId: offre, statut: 'en_instruction' })).candidatureId;
});

describe('POST /api/exports dossier_designation', () => {
  it('R-BAIL-MIN: cover + summary + only the required pieces, page by page; every page watermarked with the recipient and the date', async () => {
    const r = await request(t.app).post('/api/exports').set(bearer(manager)).send({ kind: 'dossier_designation', params: { candidatureId } });
    expect(r.status).toBe(201);
    const res = await executerExport(t.orm.em.fork(), r.body.id, t.clock.now(), t.storage);
    expect(res.statut).toBe('termine');
    const octets = await lireObjet(t.storage, res.fichier!);
    const produit = path.join(os.tmpdir(), `dossier-produit-${process.pid}.pdf`);
    writeFileSync(produit, octets);
    const doc = await PDFDocument.load(octets);
    // identite 2 + ressources 1 + avis (PNG) 1 + domicile 3 + attestation employeur 1.
    expect(doc.getPageCount()).toBe(2 + 2 + 1 + 1 + 3 + 1);
    expect(res.lignes).toBe(doc.getPageCount());
    const filigrane = `Transmis à ${bailleur.nom} le 02/11/2026`;
    const textes = Array.from({ length: doc.getPageCount() }, (_, i) => textePage(produit, i + 1));
    for (const [i, texte] of textes.entries()) expect(compact(texte), `page ${i + 1}`).toContain(compact(filigrane));
    expect(textes[0]).toContain('Dossier de désignation');
    expect(textes[1]).toContain('Synthèse du dossier');
    const tout = textes.join('\n');
    for (const present of ['PIECE-identite-valide page 2', 'PIECE-ressources-valide', 'PIECE-justificatif_domicile-valide page 3', 'PIECE-attestation_employeur-valide']) {
      expect(tout).toContain(present);
    }
    for (const absent of ['PIECE-justificatif_situation', 'PIECE-bulletin_salaire', 'PIECE-ressources-refuse']) expect(tout).not.toContain(absent);
    const dl = await request(t.app).get(`/api/exports/${r.body.id}/fichier`).set(bearer(manager));
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    const copie = path.join(os.tmpdir(), `dossier-${process.pid}.pdf`);
    writeFileSync(copie, dl.body as Buffer);
    expect(textePage(copie, 1)).toContain('Dossier de désignation');
  });

  it('R-BAIL-MIN: refuses a candidature not designated (409) and hides one the caller cannot see (conseiller: 403 on exports)', async () => {
    const r = await request(t.app).post('/api/exports').set(bearer(manager)).send({ kind: 'dossier_designation', params: { candidatureId: nonDesignee } });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('CANDIDATURE_NON_DESIGNEE');
    expect((await request(t.app).post('/api/exports').set(bearer(manager)).send({ kind: 'dossier_designation', params: { candidatureId: 99999999 } })).status).toBe(404);
    expect((await request(t.app).post('/api/exports').set(bearer(conseiller)).send({ kind: 'dossier_designation', params: { candidatureId } })).status).toBe(403);
  });
});
