import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

/** GET on the API with the page's session cookie. */
async function api<T>(page: Page, base: string, path: string, query: Record<string, unknown> = {}): Promise<T> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const r = await page.request.get(`${base}/api${path}?${qs}`);
  if (!r.ok()) throw new Error(`GET ${path} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

/** The day as typed in the console's date fields: jj/mm/aaaa whatever the browser's language (A11Y-DATES). */
const jour = (d: Date) => d.toISOString().slice(0, 10).split('-').reverse().join('/');

/** A file download with the session cookie, on a fresh connection (a kept-alive socket the server just closed answers ECONNRESET). */
const telecharger = (page: Page, url: string) => page.request.get(url, { headers: { Connection: 'close' } });

/**
 * Exports end to end (§11.12, §18.4, R-BAIL-MIN, R-STATS): a manager lands on the dashboard,
 * asks for the designations of a bailleur over the last 12 months, watches the job finish in
 * the list (pg-boss worker of the real server), downloads the XLSX and reads it back.
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  page.on('requestfailed', (r) => console.log(`requête en échec : ${r.method()} ${r.url()} ${r.failure()?.errorText}`));
  await loginAs(page, base, DEMO.manager);
  await page.goto(`${base}/#/`);
  await page.getByText('Candidatures par statut').waitFor({ timeout: 20_000 });
  await page.getByText(/Chiffres agrégés et anonymes/).waitFor();
  await shot('1-tableau-de-bord');

  // A bailleur with designated candidatures in the demo data.
  const [transmise] = await api<{ offreId: number; designeeLe: string }[]>(page, base, '/candidatures', { filter: { statut: 'transmise_bailleur' }, range: [0, 0] });
  if (!transmise) throw new Error('no transmise_bailleur candidature in the demo data');
  const offre = await api<{ bailleurId: number }>(page, base, `/offres/${transmise.offreId}`);
  const bailleur = await api<{ id: number; nom: string }>(page, base, `/bailleurs/${offre.bailleurId}`);
  const depuis = new Date(Math.min(new Date(transmise.designeeLe).getTime(), Date.now()) - 365 * 86_400_000);

  await page.goto(`${base}/#/exports/create`);
  const choixBailleur = page.getByRole('combobox', { name: 'Bailleur' });
  await choixBailleur.click();
  await choixBailleur.fill(bailleur.nom.slice(0, 6));
  await page.getByRole('option', { name: bailleur.nom }).first().click();
  await page.locator('input[name="from"]').fill(jour(depuis));
  await page.locator('input[name="to"]').fill(jour(new Date()));
  await shot('2-nouvel-export');
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  // The list polls every 2 s until the job is done.
  await page.waitForURL((u) => u.hash.startsWith('#/exports'), { timeout: 15_000 });
  await page.locator('table tbody tr').first().waitFor();
  await shot('3-liste-en-cours');
  await page.locator('table tbody tr').first().getByText('Terminé', { exact: true }).waitFor({ timeout: 60_000 });
  await shot('4-liste-termine');

  const [x] = await api<{ id: number; statut: string; lignes: number; destinataire: string }[]>(page, base, '/exports', { range: [0, 0] });
  if (x.statut !== 'termine' || x.destinataire !== bailleur.nom) throw new Error(`unexpected export ${JSON.stringify(x)}`);
  if (!(x.lignes > 0)) throw new Error('the export has no row');

  // The download button of the list is a link to the file (session cookie): follow it, read the XLSX back.
  const lien = page.locator('table tbody tr').first().getByRole('link', { name: 'Télécharger' });
  const href = await lien.getAttribute('href');
  if (href !== `/api/exports/${x.id}/fichier`) throw new Error(`download link ${href}`);
  const r = await telecharger(page, `${base}${href}`);
  if (!r.ok() || !/spreadsheetml/.test(r.headers()['content-type'] ?? '')) throw new Error(`download → ${r.status()}`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await r.body()) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (ws.getRow(1).getCell(1).value !== 'Référence candidature') throw new Error('unexpected header');
  if (ws.actualRowCount !== x.lignes + 1) throw new Error(`${ws.actualRowCount - 1} rows in the file, ${x.lignes} announced`);

  await page.goto(`${base}/#/exports/${x.id}/show`);
  await page.getByText(bailleur.nom).first().waitFor();
  await shot('5-fiche-export');

  // R-BAIL-MIN: the designation file of a transmitted candidature, from its page.
  const [c] = await api<{ id: number }[]>(page, base, '/candidatures', { filter: { statut: 'transmise_bailleur' }, range: [0, 0] });
  await page.goto(`${base}/#/candidatures/${c.id}/show`);
  const bouton = page.getByRole('button', { name: 'Dossier de désignation (PDF)' });
  await bouton.waitFor({ timeout: 15_000 });
  await shot('6-candidature-bouton-dossier');
  await bouton.click();
  await page.waitForURL((u) => /#\/exports\/\d+\/show/.test(u.hash), { timeout: 15_000 });
  await page.getByText('Terminé', { exact: true }).first().waitFor({ timeout: 60_000 });
  await shot('7-dossier-pret');
  const id = Number(/exports\/(\d+)\/show/.exec(page.url())![1]);
  const pdf = await telecharger(page, `${base}/api/exports/${id}/fichier`);
  if (!pdf.ok() || pdf.headers()['content-type'] !== 'application/pdf') throw new Error(`dossier → ${pdf.status()}`);
  if ((await pdf.body()).subarray(0, 5).toString() !== '%PDF-') throw new Error('not a PDF');
};
