import ExcelJS from 'exceljs';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { arreterTravaux } from '@server/bailleur/travaux/pool';
import { COLONNES_DESIGNATIONS } from '@server/modules/exports/designations';
import { login, useTestApp } from '@test/support/app';
import { createAgent } from '@test/support/agents';
import { bailleurEtOffre, envoyer, jetonDe, pageBailleur, q, transmise } from './fixtures';

const t = useTestApp();
let manager: string;
beforeAll(async () => {
  const a = await createAgent(t.orm, 'manager', [], 'tableau');
  manager = await login(t.app, a.email, a.password);
});
afterAll(() => arreterTravaux());
const hier = () => new Date(t.clock.now().getTime() - 86_400_000);
const binaire = (res: Response, cb: (e: Error | null, b: Buffer) => void) => {
  const m: Buffer[] = [];
  res.on('data', (x: Buffer) => m.push(x));
  res.on('end', () => cb(null, Buffer.concat(m)));
};

/** A bailleur's envoi of `n` candidatures, its page opened. */
async function envoiOuvert(n: number) {
  const b = await bailleurEtOffre(t.orm);
  const cs = [];
  for (let i = 0; i < n; i++) cs.push(await transmise(t.orm, b.offreId, hier()));
  const r = await envoyer(t.app, manager, `offres/${b.offreId}`);
  const page = pageBailleur(t.app);
  expect((await page.ouvrir((await jetonDe(t.orm, r.body.envoiId)).jeton)).status).toBe(201);
  return { b, cs, page };
}

async function telecharger(page: ReturnType<typeof pageBailleur>) {
  const r = await page.get('/tableau').buffer(true).parse(binaire as never);
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toMatch(/spreadsheetml/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.body as ArrayBuffer);
  return wb;
}

const colonne = (ws: ExcelJS.Worksheet, entete: string) => {
  let n = 0;
  ws.getRow(1).eachCell((c, i) => (c.value === entete ? (n = i) : null));
  return n;
};
const statuts = async (ids: number[]) =>
  (await q<{ id: number; statut: string }>(t.orm, `select id, statut from candidature where id = any(?::int[]) order by id`, [`{${ids.join(',')}}`])).map((r) => r.statut);

describe('GET /api/bailleur/tableau', () => {
  it('R-BAIL-MIN: the designations columns plus four to fill, one row per candidature still awaiting; each download traced', async () => {
    const { cs, page } = await envoiOuvert(2);
    const wb = await telecharger(page);
    const ws = wb.getWorksheet('Décisions')!;
    const entetes = (ws.getRow(1).values as unknown[]).slice(1);
    expect(entetes).toEqual([...COLONNES_DESIGNATIONS.map((c) => c.entete), 'Décision du bailleur', 'Motif de non-retenue', 'Commentaire du bailleur', 'Date de CALEOL']);
    expect(ws.actualRowCount).toBe(3);
    const dv = (ws as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(dv[`${'AA'}2`].formulae[0]).toBe('"Attribuée,Non retenue"');
    expect(wb.getWorksheet('Motifs')!.getRow(2).getCell(1).value).toBe('Un autre candidat a été retenu');
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from bailleur_acces where type = 'telechargement_tableau' and candidature_id = any(?::int[])`, [`{${cs.map((c) => c.candidatureId).join(',')}}`]);
    expect(n).toBe(2);
  });
});

describe('POST /api/bailleur/tableau', () => {
  it('R-BAIL-DECISION: each row validated and applied on its own, with a per-row report; sending it again applies nothing twice', async () => {
    const { cs, page } = await envoiOuvert(5);
    const etranger = (await envoiOuvert(1)).cs[0];
    const wb = await telecharger(page);
    const ws = wb.getWorksheet('Décisions')!;
    const [cDec, cMotif, cCom, cDate] = ['Décision du bailleur', 'Motif de non-retenue', 'Commentaire du bailleur', 'Date de CALEOL'].map((e) => colonne(ws, e));
    const ligneDe = (ref: string) => {
      let n = 0;
      ws.eachRow((row, i) => (row.getCell(1).value === ref ? (n = i) : null));
      return ws.getRow(n);
    };
    const jour = new Date(Date.UTC(2026, 10, 1));
    const a = ligneDe(cs[0].reference);
    a.getCell(cDec).value = 'Attribuée';
    a.getCell(cDate).value = jour;
    const b = ligneDe(cs[1].reference);
    b.getCell(cDec).value = 'Non retenue';
    b.getCell(cMotif).value = 'Désistement du candidat';
    b.getCell(cCom).value = 'Parti ailleurs';
    b.getCell(cDate).value = '01/11/2026';
    const c = ligneDe(cs[2].reference);
    c.getCell(cDec).value = 'Non retenue';
    c.getCell(cDate).value = jour;
    const d = ligneDe(cs[3].reference);
    d.getCell(cDec).value = { richText: [{ text: 'Attri' }, { text: 'buée' }] };
    d.getCell(cDate).value = '31/02/2026';
    // cs[4] left empty; then a duplicate of the first row and a row of another bailleur's envoi.
    ws.addRow([cs[0].reference]).getCell(cDec).value = 'Non retenue';
    const x = ws.addRow([etranger.reference]);
    x.getCell(cDec).value = 'Attribuée';
    x.getCell(cDate).value = jour;
    const fichier = Buffer.from(await wb.xlsx.writeBuffer());

    const r = await page.televerser(fichier);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ appliquees: 2, refusees: 4, ignorees: 1 });
    const parRef = (ref: string) => r.body.lignes.filter((l: { reference: string }) => l.reference === ref);
    expect(parRef(cs[0].reference)).toMatchObject([{ resultat: 'appliquee', decision: 'attribuee' }, { resultat: 'refusee', code: 'LIGNE_EN_DOUBLE' }]);
    expect(parRef(cs[1].reference)).toMatchObject([{ resultat: 'appliquee', decision: 'non_retenue' }]);
    expect(parRef(cs[2].reference)).toMatchObject([{ resultat: 'refusee', code: 'MOTIF_REQUIS', raison: expect.stringContaining('motif') }]);
    expect(parRef(cs[3].reference)).toMatchObject([{ resultat: 'refusee', code: 'DATE_CALEOL_INVALIDE' }]);
    expect(parRef(cs[4].reference)).toMatchObject([{ resultat: 'ignoree' }]);
    expect(parRef(etranger.reference)).toMatchObject([{ resultat: 'refusee', code: 'HORS_ENVOI' }]);
    expect(r.body.lignes[0]).toMatchObject({ ligne: 2 });
    expect(await statuts(cs.map((x) => x.candidatureId))).toEqual(['attribuee', 'non_retenue', 'transmise_bailleur', 'transmise_bailleur', 'transmise_bailleur']);
    expect((await statuts([etranger.candidatureId]))[0]).toBe('transmise_bailleur');
    const [dec] = await q<{ source: string; ligne: number; motif: string; commentaire: string }>(t.orm, `select source, ligne, motif, commentaire from bailleur_decision where candidature_id = ?`, [cs[1].candidatureId]);
    expect(dec).toEqual({ source: 'tableau', ligne: b.number, motif: 'desistement_candidat', commentaire: 'Parti ailleurs' });

    const encore = await page.televerser(fichier);
    expect(encore.body).toMatchObject({ appliquees: 0 });
    expect(encore.body.lignes.filter((l: { code?: string }) => l.code === 'CANDIDATURE_PLUS_EN_ATTENTE')).toHaveLength(2);
    const [{ n }] = await q<{ n: number }>(t.orm, `select count(*)::int as n from audit_event where acteur_type = 'bailleur' and entite = 'candidature' and entite_id = any(?::int[]) and action in ('attribuer', 'ne_pas_retenir')`,
      [`{${cs.map((x) => x.candidatureId).join(',')}}`]);
    expect(n).toBe(2);
  });

  it('R-BAIL-DECISION: through the XLSX, an unknown motif, an unknown decision, a CALEOL date in the future or before the designation are refused row by row, with their code', async () => {
    const { cs, page } = await envoiOuvert(5);
    const wb = await telecharger(page);
    const ws = wb.getWorksheet('Décisions')!;
    const [cDec, cMotif, cDate] = ['Décision du bailleur', 'Motif de non-retenue', 'Date de CALEOL'].map((e) => colonne(ws, e));
    const ligneDe = (ref: string) => {
      let n = 0;
      ws.eachRow((row, i) => (row.getCell(1).value === ref ? (n = i) : null));
      return ws.getRow(n);
    };
    const remplir = (i: number, decision: string, date: string | Date, motif?: string) => {
      const l = ligneDe(cs[i].reference);
      l.getCell(cDec).value = decision;
      l.getCell(cDate).value = date;
      if (motif) l.getCell(cMotif).value = motif;
    };
    // Designated yesterday (1 November 2026), today is 2 November 2026 (Paris).
    remplir(0, 'Non retenue', '01/11/2026', 'Le bailleur a changé d’avis');
    remplir(1, 'Peut-être', '01/11/2026');
    remplir(2, 'Attribuée', '15/11/2026');
    remplir(3, 'Attribuée', '15/10/2026');
    remplir(4, 'Non retenue', new Date(Date.UTC(2026, 10, 2)), 'Dossier incomplet');
    const r = await page.televerser(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ appliquees: 1, refusees: 4, ignorees: 0 });
    const de = (i: number) => r.body.lignes.find((l: { reference: string }) => l.reference === cs[i].reference);
    expect(de(0)).toMatchObject({ resultat: 'refusee', code: 'MOTIF_INCONNU' });
    expect(de(1)).toMatchObject({ resultat: 'refusee', code: 'DECISION_INVALIDE' });
    expect(de(2)).toMatchObject({ resultat: 'refusee', code: 'DATE_CALEOL_FUTURE' });
    expect(de(3)).toMatchObject({ resultat: 'refusee', code: 'DATE_CALEOL_AVANT_DESIGNATION', raison: expect.stringContaining('01/11/2026') });
    expect(de(4)).toMatchObject({ resultat: 'appliquee', decision: 'non_retenue' });
    for (const i of [0, 1, 2, 3]) expect(de(i).raison).toEqual(expect.any(String));
    expect(await statuts(cs.map((x) => x.candidatureId))).toEqual(['transmise_bailleur', 'transmise_bailleur', 'transmise_bailleur', 'transmise_bailleur', 'non_retenue']);
  });

  it('R-BAIL-DECISION: a file that is not the spreadsheet is refused with a clear problem, before anything is applied', async () => {
    const { page } = await envoiOuvert(1);
    expect((await page.televerser(Buffer.from('Référence;Décision\nX;Attribuée'))).body.code).toBe('TABLEAU_ILLISIBLE');
    const vide = new ExcelJS.Workbook();
    vide.addWorksheet('Feuil1').addRow(['Nom', 'Prénom']);
    expect((await page.televerser(Buffer.from(await vide.xlsx.writeBuffer()))).body.code).toBe('TABLEAU_SANS_COLONNES');
    const long = new ExcelJS.Workbook();
    const w = long.addWorksheet('Décisions');
    w.addRow(['Référence candidature', 'Décision du bailleur']);
    for (let i = 0; i < 2001; i++) w.addRow([`REF-${i}`, 'Attribuée']);
    const r = await page.televerser(Buffer.from(await long.xlsx.writeBuffer()));
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('TABLEAU_TROP_DE_LIGNES');
    const texte = await page.agent.post('/api/bailleur/tableau').set('X-ALS-Bailleur', '1').set('Content-Type', 'text/csv').send('a;b');
    expect(texte.status).toBe(415);
    const gros = await page.televerser(Buffer.alloc(2 * 1024 * 1024 + 10, 1));
    expect(gros.status).toBe(413);
  });

  it('R-BAIL-DECISION: a zip bomb is refused from its directory, without inflating it (413)', async () => {
    const { page } = await envoiOuvert(1);
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.alloc(60 * 1024 * 1024), 'xl/sharedStrings.xml', { compress: true });
    zip.end();
    const morceaux: Buffer[] = [];
    for await (const m of zip.outputStream) morceaux.push(m as Buffer);
    const bombe = Buffer.concat(morceaux);
    expect(bombe.length).toBeLessThan(2 * 1024 * 1024);
    const r = await page.televerser(bombe);
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('TABLEAU_TROP_VOLUMINEUX');
  });
});
