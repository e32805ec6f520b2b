import ExcelJS from 'exceljs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

async function api<T>(page: Page, chemin: string): Promise<T> {
  return page.evaluate(async (p) => {
    const r = await fetch(`/api${p}`, { credentials: 'include' });
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    return r.json();
  }, chemin) as Promise<T>;
}
const filtre = (f: object) => encodeURIComponent(JSON.stringify(f));
const aujourdhui = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());

interface Transmise { id: number; reference: string; offreId: number; demandeurId: number }

/** axe-core (WCAG 2.1 A/AA) on the page as it is: the critical and serious violations, in words. */
async function accessibilite(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
  return page.evaluate(async () => {
    // any: axe is injected at run time, not typed in the page's globals.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return r.violations.filter((v: any) => v.impact === 'critical' || v.impact === 'serious').map((v: any) => `${v.id}: ${v.help} (${v.nodes.length})`);
  });
}

/**
 * Issue #18 end to end: a manager sends the two transmitted candidatures of an offer to their
 * bailleur; the bailleur's page opens from the link of the mail as delivered (the runner's SMTP
 * sink), while the outbox shows « [lien masqué] »; one
 * candidature is « Attribuée » on the page, the other « Non retenue » by the Excel spreadsheet
 * sent back; the console then shows both decisions, and the outbox the demandeurs' mails.
 */
export const scenario: Scenario = async ({ page, base, shot, courriels }) => {
  const navigateur = page.context().browser()!;
  await loginAs(page, base, DEMO.manager);
  const transmises = await api<Transmise[]>(page, `/candidatures?filter=${filtre({ statut: 'transmise_bailleur' })}&range=[0,499]`);
  const parOffre = new Map<number, Transmise[]>();
  for (const c of transmises) parOffre.set(c.offreId, [...(parOffre.get(c.offreId) ?? []), c]);
  const [offreId, deux] = [...parOffre].find(([, cs]) => cs.length === 2) ?? [];
  if (!offreId || !deux) throw new Error('no offer with exactly two transmitted candidatures in the demo data');
  const [a, b] = deux;

  // 1. The manager sends them from the offer's « Envois au bailleur » tab.
  await page.goto(`${base}/#/offres/${offreId}/show`);
  await page.getByRole('tab', { name: 'Envois au bailleur' }).click();
  await page.getByText('Rien n’a encore été envoyé au bailleur par la plateforme.').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Envoyer au bailleur' }).click();
  const reponse = page.waitForResponse((r) => /\/envoyer-bailleur$/.test(r.url()) && r.request().method() === 'POST');
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer', exact: true }).click();
  const { destinataire } = (await (await reponse).json()) as { destinataire: string };
  await page.getByText(/Lien envoyé à .+ pour 2 candidatures/).waitFor({ timeout: 15_000 });
  await page.getByText(/Envoyé le .+ par Julien Moreau/).waitFor();
  await page.getByText('Pas encore ouvert').waitFor();
  await shot('1-offre-envoyee');

  // 2. The outbox (the mailbox without SMTP): the mail carries a link and no personal data. Mail
  // bodies are shown to contrôle fraude only (admins see recipient, template and status).
  const fraude = await (await navigateur.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })).newPage();
  await loginAs(fraude, base, DEMO.fraude);
  const [mail] = await api<{ id: number; destinataire: string }[]>(fraude, `/notifications?filter=${filtre({ template: 'bailleur_envoi' })}&sort=${filtre(['id', 'DESC'])}&range=[0,0]`);
  await fraude.goto(`${base}/#/notifications/${mail.id}/show`);
  const corps = fraude.getByText(/\[lien masqué\]/);
  await corps.waitFor({ timeout: 15_000 });
  const texte = (await corps.textContent()) ?? '';
  for (const c of [a, b]) if (texte.includes(c.reference)) throw new Error('the mail names a candidature');
  if (/\/bailleur\/#/.test(texte)) throw new Error('the stored mail holds the link in clear');
  await fraude.screenshot({ path: path.resolve('test-results/e2e/60-bailleurs-2-mail.png') });

  // The bailleur receives the link in the DELIVERED mail (R-BAIL-LIEN): the delivery decrypts the
  // random token kept in the outbox row and puts it in the link. An admin runs the delivery now
  // rather than waiting for its minute (409: a run is already queued, as good).
  const admin = await (await navigateur.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })).newPage();
  await loginAs(admin, base, DEMO.admin);
  const lancee = await admin.evaluate(async () => (await fetch('/api/jobs/envoi-notifications/run', { method: 'POST', credentials: 'include' })).status);
  if (lancee !== 202 && lancee !== 409) throw new Error(`the delivery could not be run: ${lancee}`);
  await admin.context().close();
  const recu = await courriels.attendre((m) => m.entetes['x-als-notification'] === String(mail.id), 90_000);
  if (!recu.a.includes(destinataire) || mail.destinataire !== destinataire) throw new Error(`the mail went to ${recu.a.join(', ')}, not ${destinataire}`);
  for (const c of [a, b]) if (recu.texte.includes(c.reference)) throw new Error('the delivered mail names a candidature');
  const lien = /https?:\/\/\S+\/bailleur\/#[A-Za-z0-9_-]{43}/.exec(recu.texte)?.[0];
  if (!lien || !lien.startsWith(`${base}/bailleur/#`)) throw new Error(`no link to this server's bailleur page in the delivered mail:\n${recu.texte}`);
  // Delivered: the outbox row keeps neither the token nor its ciphertext, and still shows « [lien masqué] ».
  const apres = await api<{ corps: string; statut: string }>(fraude, `/notifications/${mail.id}`);
  if (apres.statut !== 'envoyee' || apres.corps.includes(lien.split('#')[1])) throw new Error('the outbox row after delivery');

  // 3. The bailleur's page, from the link (a browser of its own, no account). First an accessibility
  // audit in a context that lets axe's script in (the page's CSP forbids injected scripts).
  const audit = await (await navigateur.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', bypassCSP: true })).newPage();
  await audit.goto(lien);
  await audit.getByRole('heading', { name: 'Candidatures à examiner (2)' }).waitFor({ timeout: 20_000 });
  await audit.getByRole('article').first().getByRole('radio', { name: 'Non retenue' }).check();
  const violations = await accessibilite(audit);
  if (violations.length) throw new Error(`accessibility of the bailleur page: ${violations.join(' ; ')}`);
  await audit.context().close();

  const bailleur = await (await navigateur.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', acceptDownloads: true })).newPage();
  await bailleur.goto(lien);
  await bailleur.getByRole('heading', { name: 'Candidatures à examiner (2)' }).waitFor({ timeout: 20_000 });
  if (bailleur.url().includes('#')) throw new Error(`the token stayed in the address bar: ${bailleur.url()}`);
  await bailleur.screenshot({ path: path.resolve('test-results/e2e/60-bailleurs-3-page-bailleur.png'), fullPage: true });

  const carteA = bailleur.getByRole('article', { name: new RegExp(a.reference) });
  const [pdf] = await Promise.all([bailleur.waitForEvent('download'), carteA.getByRole('link', { name: /Télécharger le dossier \(PDF\)/ }).click()]);
  if ((await readFile((await pdf.path())!)).subarray(0, 5).toString() !== '%PDF-') throw new Error('the dossier is not a PDF');
  await carteA.getByRole('radio', { name: 'Attribuée' }).check();
  // The date is typed jj/mm/aaaa whatever the browser's language (A11Y-DATES).
  await carteA.getByLabel('Date de la CALEOL').fill(aujourdhui().split('-').reverse().join('/'));
  await carteA.getByRole('button', { name: 'Enregistrer la décision' }).click();
  await bailleur.getByText(new RegExp(`Décision enregistrée pour la candidature ${a.reference} : attribuée`)).waitFor({ timeout: 15_000 });
  await bailleur.getByRole('heading', { name: 'Candidatures à examiner (1)' }).waitFor();

  // 4. The other one by the spreadsheet: download, fill the decision columns, send it back.
  const [telechargement] = await Promise.all([bailleur.waitForEvent('download'), bailleur.getByRole('link', { name: 'Télécharger le tableau des candidatures (Excel)' }).click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile((await telechargement.path())!);
  const ws = wb.getWorksheet('Décisions')!;
  const colonne = (entete: string) => (ws.getRow(1).values as unknown[]).indexOf(entete);
  let ligne: ExcelJS.Row | undefined;
  ws.eachRow((row, n) => (n > 1 && row.getCell(1).value === b.reference ? (ligne = row) : undefined));
  if (!ligne) throw new Error(`${b.reference} is not in the spreadsheet`);
  ligne.getCell(colonne('Décision du bailleur')).value = 'Non retenue';
  ligne.getCell(colonne('Motif de non-retenue')).value = 'Dossier incomplet';
  ligne.getCell(colonne('Date de CALEOL')).value = new Date(`${aujourdhui()}T00:00:00Z`);
  const rempli = path.join(os.tmpdir(), `decisions-${process.pid}.xlsx`);
  await writeFile(rempli, Buffer.from(await wb.xlsx.writeBuffer()));
  await bailleur.getByLabel(/Tableau complété/).setInputFiles(rempli);
  await bailleur.getByRole('button', { name: 'Envoyer le tableau' }).click();
  await bailleur.getByText(/Résultat ligne par ligne : 1 appliquée, 0 refusée/).waitFor({ timeout: 30_000 });
  await bailleur.getByText('Aucune candidature n’attend votre décision.').waitFor();
  await bailleur.screenshot({ path: path.resolve('test-results/e2e/60-bailleurs-4-tableau.png'), fullPage: true });

  // 5. The console shows both decisions, on each candidature and on the offer.
  await page.goto(`${base}/#/candidatures/${a.id}/show`);
  await page.getByText(/^Attribuée — CALEOL du /).waitFor({ timeout: 20_000 });
  await page.getByText(/par .+ \(page bailleur\)/).waitFor();
  await page.getByText(/^Ouvert le /).first().waitFor();
  await page.getByText(/^Téléchargé le /).first().waitFor();
  await page.getByText(/^Attribuée — CALEOL du /).scrollIntoViewIfNeeded();
  await shot('5-candidature-attribuee');
  await page.goto(`${base}/#/candidatures/${b.id}/show`);
  await page.getByText(/^Non retenue — CALEOL du /).waitFor({ timeout: 20_000 });
  await page.getByText(/\(tableau Excel\)/).waitFor();
  await page.getByText(/^Non retenue — CALEOL du /).scrollIntoViewIfNeeded();
  await shot('6-candidature-non-retenue');
  await page.goto(`${base}/#/offres/${offreId}/show`);
  await page.getByRole('tab', { name: 'Envois au bailleur' }).click();
  await page.getByRole('cell', { name: /^Attribuée — CALEOL du / }).waitFor({ timeout: 20_000 });
  await page.getByRole('cell', { name: /^Non retenue — CALEOL du / }).waitFor();
  await shot('7-offre-decisions');

  // 6. The demandeurs were told (§11.27), like after an agent's action.
  for (const [c, modele] of [[a, 'Logement attribué'], [b, 'Candidature non retenue']] as const) {
    const d = await api<{ email: string }>(page, `/demandeurs/${c.demandeurId}`);
    await fraude.goto(`${base}/#/notifications?filter=${filtre({ destinataire: d.email })}`);
    await fraude.getByText(modele).first().waitFor({ timeout: 20_000 });
  }
  await fraude.screenshot({ path: path.resolve('test-results/e2e/60-bailleurs-8-mails-demandeurs.png') });
};
