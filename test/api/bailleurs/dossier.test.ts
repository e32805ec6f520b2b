import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arreterTravaux } from '@server/bailleur/travaux/pool';
import { ajouterPiece, creerOffreDe, pdfAvec, stocker } from '@test/api/exports/fixtures';
import { createAgent } from '@test/support/agents';
import { login, useTestApp } from '@test/support/app';
import { creerDossier } from '@test/support/fixtures';
import { bailleurEtOffre, envoyer, jetonDe, pageBailleur, q } from './fixtures';

const t = useTestApp();
let manager: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'manager', [], 'dossier');
  manager = await login(t.app, a.email, a.password);
});
afterAll(() => arreterTravaux());

const binaire = (res: Response, cb: (e: Error | null, b: Buffer) => void) => {
  const m: Buffer[] = [];
  res.on('data', (x: Buffer) => m.push(x));
  res.on('end', () => cb(null, Buffer.concat(m)));
};
const texte = (fichier: string) => execFileSync('pdftotext', ['-raw', fichier, '-'], { encoding: 'utf8' });
const compact = (s: string) => s.replace(/\s+/g, '');

describe('GET /api/bailleur/candidatures/:id/dossier', () => {
  it('R-BAIL-MIN: the dossier carries only the pieces the reglementation requires, every page watermarked with the bailleur and the date; each download traced', async () => {
    const b = await bailleurEtOffre(t.orm);
    const offreId = await creerOffreDe(t.orm, b.bailleurId, 'pls');
    const d = await creerDossier(t.orm, { offreId, statut: 'transmise_bailleur', pieces: {}, situations: ['violences_familiales'] });
    await q(t.orm, `update candidature set designee_le = ? where id = ?`, [new Date(t.clock.now().getTime() - 86_400_000), d.candidatureId]);
    for (const type of ['identite', 'ressources', 'avis_imposition', 'justificatif_domicile', 'attestation_employeur', 'justificatif_situation', 'bulletin_salaire'] as const) {
      await ajouterPiece(t.orm, d.demandeId, type, await stocker(t.storage, await pdfAvec(`PIECE-${type}`)));
    }
    const r = await envoyer(t.app, manager, `candidatures/${d.candidatureId}`);
    const page = pageBailleur(t.app);
    await page.ouvrir((await jetonDe(t.orm, r.body.envoiId)).jeton);
    const liste = (await page.get('/candidatures')).body;
    expect(liste.enAttente[0].pieces).toEqual(['Pièce d’identité', 'Justificatif de ressources', 'Avis d’imposition', 'Justificatif de domicile', 'Attestation employeur']);

    const dl = await page.get(`/candidatures/${d.candidatureId}/dossier`).buffer(true).parse(binaire as never);
    expect(dl.status).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename\*=UTF-8''dossier-/);
    const fichier = path.join(os.tmpdir(), `dossier-bailleur-${process.pid}.pdf`);
    writeFileSync(fichier, dl.body as Buffer);
    const pages = (await PDFDocument.load(dl.body as Buffer)).getPageCount();
    expect(pages).toBe(2 + 5);
    const tout = texte(fichier);
    for (const present of ['PIECE-identite', 'PIECE-ressources', 'PIECE-avis_imposition', 'PIECE-justificatif_domicile', 'PIECE-attestation_employeur']) expect(tout).toContain(present);
    for (const absent of ['PIECE-justificatif_situation', 'PIECE-bulletin_salaire']) expect(tout).not.toContain(absent);
    const filigrane = compact(`Transmis à ${b.nom} le 02/11/2026`);
    expect(compact(tout).split(filigrane).length - 1).toBe(pages);
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from bailleur_acces where type = 'telechargement_dossier' and candidature_id = ?`, [d.candidatureId]);
    expect(n).toBe(1);

    // Refused: the bailleur no longer needs the data.
    await page.post(`/candidatures/${d.candidatureId}/decision`, { decision: 'non_retenue', motif: 'refus_caleol', dateCaleol: '2026-11-02' });
    const apres = await page.get(`/candidatures/${d.candidatureId}/dossier`);
    expect(apres.status).toBe(409);
    expect(apres.body.code).toBe('DOSSIER_INDISPONIBLE');
  });
});
