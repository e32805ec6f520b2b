import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

/**
 * Issue #15: « Traiter le suivant » three times in a row (queue, then from each dossier): three
 * different dossiers open, each now held by the conseiller; then the app bar search « noel » (no
 * accent, lower case) finds the Noël of the demo data, as a manager who sees every territory.
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  await loginAs(page, base, DEMO.conseiller69);
  await page.goto(`${base}/#/candidatures`);
  await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
  const vus: string[] = [];
  for (let i = 0; i < 3; i++) {
    const avant = page.url();
    await page.getByRole('button', { name: 'Traiter le suivant' }).first().click();
    await page.waitForURL((u) => u.href !== avant && /#\/candidatures\/\d+\/show/.test(u.hash), { timeout: 20_000 });
    const id = /#\/candidatures\/(\d+)\/show/.exec(page.url())![1];
    if (vus.includes(id)) throw new Error(`« Traiter le suivant » opened dossier ${id} twice`);
    vus.push(id);
    await page.getByText('Pièces du dossier').first().waitFor({ timeout: 20_000 });
    const r = await page.request.get(`${base}/api/candidatures/${id}`);
    const c = (await r.json()) as { agentEnChargeId: number | null; statut: string };
    if (c.agentEnChargeId == null) throw new Error(`dossier ${id} opened by « Traiter le suivant » is not held`);
    if (i === 0) await shot('suivant');
  }
  console.log(`Traiter le suivant ×3 : dossiers ${vus.join(', ')}`);

  await page.context().clearCookies();
  await page.goto('about:blank'); // a full load: the console forgets the conseiller's session
  await loginAs(page, base, DEMO.manager);
  const champ = page.getByRole('textbox', { name: 'Rechercher une candidature' });
  await champ.fill('noel');
  await champ.press('Enter');
  // The manager may already stand on a candidatures list (their landing page): wait for the
  // search itself in the address, then for the table to show its result, not the list before it.
  await page.waitForURL((u) => decodeURIComponent(u.hash).includes('"q":"noel"'), { timeout: 15_000 });
  const table = page.locator('table');
  const debut = Date.now();
  let texte = '';
  while (Date.now() - debut < 20_000) {
    texte = (await table.first().innerText().catch(() => '')) ?? '';
    if (/no[eë]l/i.test(texte)) break;
    await page.waitForTimeout(250);
  }
  if (!/no[eë]l/i.test(texte)) throw new Error('the search « noel » shows no Noël');
  await shot('recherche-noel');
};
