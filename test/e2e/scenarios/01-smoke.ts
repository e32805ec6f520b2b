import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

/** Foundation smoke test: a conseiller logs in, opens the candidatures list and sees rows. */
export const scenario: Scenario = async ({ page, base, shot }) => {
  await loginAs(page, base, DEMO.conseiller69);
  await shot('accueil');
  await page.goto(`${base}/#/candidatures`);
  const rows = page.locator('table tbody tr');
  await rows.first().waitFor({ timeout: 15_000 });
  const count = await rows.count();
  if (count < 1) throw new Error('no candidature row');
  const text = await page.locator('table').innerText();
  if (!/Statut/i.test(text)) throw new Error('French column header "Statut" missing');
  await shot('candidatures');
};
