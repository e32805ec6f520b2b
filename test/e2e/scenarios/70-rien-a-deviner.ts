import type { Page } from 'playwright-core';
import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));
async function api<T>(page: Page, base: string, path: string): Promise<T> {
  const r = await page.request.get(`${base}/api${path}`);
  if (!r.ok()) throw new Error(`GET ${path} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

/**
 * Issue #15, « nothing to guess »: « Désigner » disabled with its reason and links to the pieces;
 * the offers list fits in 1 280 px; the export form; « Lancer maintenant » asks first. Screenshots
 * of each screen to look at.
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  // A conseiller on an instructed dossier whose pieces are not all valid.
  await loginAs(page, base, DEMO.conseiller69);
  const candidatures = await api<{ id: number }[]>(page, base, `/candidatures?filter=${q({ statut: 'en_instruction', departement: '69' })}&range=${q([0, 49])}`);
  let bloquee: number | null = null;
  for (const c of candidatures) {
    const d = await api<{ designation: { possible: boolean; piecesAValider: unknown[] } | null }>(page, base, `/candidatures/${c.id}/dossier`);
    if (d.designation && !d.designation.possible && d.designation.piecesAValider.length > 0) {
      bloquee = c.id;
      break;
    }
  }
  if (bloquee == null) throw new Error('no en_instruction candidature of 69 with pieces to validate in the seed');
  await page.goto(`${base}/#/candidatures/${bloquee}/show`);
  const designer = page.getByRole('button', { name: 'Désigner au bailleur' });
  await designer.waitFor({ timeout: 20_000 });
  if (!(await designer.isDisabled())) throw new Error('« Désigner » is enabled while pieces are to validate');
  const raison = page.locator('#raison-designation');
  await raison.getByText('Pièces à valider avant la désignation :').waitFor({ timeout: 20_000 });
  const texte = (await raison.innerText()).trim();
  if (/identite|avis_imposition|justificatif_domicile|PIECES_NON_VALIDEES/.test(texte)) throw new Error(`raw codes in the reason: ${texte}`);
  await raison.getByRole('link').first().click();
  await page.waitForTimeout(1500);
  await shot('1-designer-desactive');

  // A manager: the offers list at 1 280 px, without horizontal scroll; the export form.
  await page.context().clearCookies();
  await page.setViewportSize({ width: 1280, height: 800 });
  await loginAs(page, base, DEMO.manager);
  await page.goto(`${base}/#/offres`);
  await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
  const largeurs = await page.evaluate(() => {
    const table = document.querySelector('table')!;
    let conteneur: HTMLElement | null = table.parentElement;
    while (conteneur && conteneur.scrollWidth <= conteneur.clientWidth && conteneur !== document.body) conteneur = conteneur.parentElement;
    return { page: document.documentElement.scrollWidth, table: table.getBoundingClientRect().width, deborde: conteneur && conteneur !== document.body ? conteneur.scrollWidth - conteneur.clientWidth : 0 };
  });
  console.log(`  liste des offres à 1 280 px : page ${largeurs.page} px, tableau ${Math.round(largeurs.table)} px, débordement ${largeurs.deborde} px`);
  await shot('2-offres-1280');
  if (largeurs.page > 1280 || largeurs.deborde > 0) throw new Error(`the offers list scrolls horizontally at 1 280 px (${JSON.stringify(largeurs)})`);
  await page.goto(`${base}/#/exports/create`);
  await page.getByRole('combobox', { name: 'Bailleur' }).waitFor({ timeout: 20_000 });
  await page.getByText('Une ligne par candidature désignée', { exact: false }).waitFor();
  await shot('3-nouvel-export');

  // An admin: « Lancer maintenant » asks first.
  await page.context().clearCookies();
  await loginAs(page, base, DEMO.admin);
  await page.goto(`${base}/#/taches`);
  const lancer = page.getByRole('button', { name: 'Lancer maintenant' }).first();
  await lancer.waitFor({ timeout: 20_000 });
  await lancer.click();
  const dialogue = page.getByRole('dialog');
  await dialogue.getByText(/ne s’annulent pas/).waitFor({ timeout: 10_000 });
  await page.waitForTimeout(600); // the dialog's fade-in
  await shot('4-lancer-confirmation');
  await dialogue.getByRole('button', { name: 'Annuler' }).click();
};
