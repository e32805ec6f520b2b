import type { Page } from 'playwright-core';
import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

/** A call of the console's own API from the page (its cookie, its origin). */
async function appel<T>(page: Page, methode: string, chemin: string, corps?: unknown): Promise<T> {
  return page.evaluate(
    async ({ methode, chemin, corps }) => {
      const r = await fetch(`/api${chemin}`, {
        method: methode,
        credentials: 'include',
        headers: corps ? { 'Content-Type': 'application/json' } : {},
        body: corps ? JSON.stringify(corps) : undefined,
      });
      if (!r.ok) throw new Error(`${methode} ${chemin}: ${r.status} ${await r.text()}`);
      return r.status === 204 ? null : r.json();
    },
    { methode, chemin, corps },
  ) as Promise<T>;
}

/**
 * Issue #15 (UI-SUIVI, UI-FILTRE-OFFRE): a conseiller follows a dossier from its page; a manager
 * writes a note on it in another browser; the conseiller's « Suivis » shows the row « modifié
 * depuis votre dernière visite », the dossier's header says it too, and once seen the row no longer
 * does. Then an offer filter left by a classement is shown plainly and cleared in one click.
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  await loginAs(page, base, DEMO.conseiller69);
  const [c] = await appel<{ id: number; reference: string; offreId: number; offreReference: string }[]>(
    page, 'GET', `/candidatures?filter=${encodeURIComponent(JSON.stringify({ statut: 'en_instruction' }))}&range=[0,0]`,
  );
  if (!c) throw new Error('no candidature en_instruction in the conseiller\'s territory');

  // 1. Follow it from its page.
  await page.goto(`${base}/#/candidatures/${c.id}/show`);
  await page.getByText('Pièces du dossier').first().waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Suivre', exact: true }).click();
  await page.getByRole('button', { name: 'Ne plus suivre' }).waitFor({ timeout: 10_000 });

  // 2. Someone else writes on it (the manager, in a browser of his own).
  const autre = await (await page.context().browser()!.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' })).newPage();
  await loginAs(autre, base, DEMO.manager);
  await appel(autre, 'POST', `/candidatures/${c.id}/notes`, { texte: 'Le bailleur demande un avis d’imposition plus récent.' });

  // 3. The conseiller's « Suivis »: the row says it changed.
  await page.goto(`${base}/#/candidatures`);
  await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Suivis' }).click();
  const ligne = page.locator('table tbody tr', { hasText: c.reference });
  await ligne.waitFor({ timeout: 15_000 });
  await ligne.getByText('modifié depuis votre dernière visite').waitFor({ timeout: 15_000 });
  const lignes = await page.locator('table tbody tr').count();
  if (lignes !== 1) throw new Error(`« Suivis » shows ${lignes} rows, expected the one followed dossier`);
  await shot('suivis-modifie');

  // 4. Opening it shows the change on its header; back in the queue the row is seen.
  await ligne.getByText(c.reference).click();
  await page.waitForURL((u) => u.hash.startsWith(`#/candidatures/${c.id}/show`), { timeout: 15_000 });
  await page.getByText('modifié depuis votre dernière visite').first().waitFor({ timeout: 15_000 });
  await shot('dossier-modifie');
  await page.goBack();
  await page.locator('table tbody tr', { hasText: c.reference }).waitFor({ timeout: 15_000 });
  // The list may first show its cached rows, then the refetched ones: wait for the badge to go.
  await page.locator('table tbody tr', { hasText: c.reference }).getByText('modifié depuis votre dernière visite')
    .waitFor({ state: 'detached', timeout: 15_000 })
    .catch(() => {
      throw new Error('the row still says « modifié » after the dossier was opened');
    });

  // 5. An offer filter (as a classement leaves it) is said plainly and removed in one click.
  const filtre = encodeURIComponent(JSON.stringify({ onglet: 'toutes', offreId: c.offreId }));
  await page.goto(`${base}/#/candidatures?filter=${filtre}`);
  const bandeau = page.getByText(new RegExp(`Filtré sur l’offre ${c.offreReference}|Filtré sur l'offre ${c.offreReference}`));
  await bandeau.waitFor({ timeout: 15_000 });
  await shot('filtre-offre');
  await page.getByRole('button', { name: 'Retirer le filtre' }).click();
  await page.waitForURL((u) => !decodeURIComponent(u.hash).includes('"offreId"'), { timeout: 15_000 });
  await bandeau.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {
    throw new Error('the offer filter banner stays after « Retirer le filtre »');
  });
  await autre.context().close();
};
