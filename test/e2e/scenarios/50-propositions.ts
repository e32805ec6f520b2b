import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

/**
 * §11.17: a conseiller of the Rhône opens the never-published offer of the demo seed, sees the
 * demandeurs it may be proposed to (with why, and those left out with their rule code), ticks
 * three and sends the proposition; the propositions list shows them; from a non-retained
 * candidature it proposes a similar offer (§11.25). Then a manager sees the
 * offer's publication window and the dépublication dialog (R-PUB).
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  await loginAs(page, base, DEMO.conseiller69);
  const api = async <T>(path: string): Promise<T> =>
    page.evaluate(async (p) => {
      const r = await fetch(`/api${p}`, { credentials: 'include' });
      if (!r.ok) throw new Error(`${p}: ${r.status}`);
      return r.json();
    }, path) as Promise<T>;

  const offres = await api<{ id: number; reference: string; debutPublication: string | null; departement: string }[]>(
    `/offres?filter=${encodeURIComponent(JSON.stringify({ publiee: false }))}&range=[0,99]`,
  );
  const offre = offres.find((o) => o.debutPublication === null && o.departement === '69');
  if (!offre) throw new Error('no never-published offer in 69 in the seed');
  const avant = await api<unknown[]>(`/propositions?filter=${encodeURIComponent(JSON.stringify({ offreId: offre.id }))}&range=[0,99]`);

  await page.goto(`${base}/#/offres/${offre.id}/show`);
  await page.getByRole('tab', { name: 'Correspondances' }).click();
  const tableau = page.getByTestId('correspondances');
  await tableau.locator('tbody tr').first().waitFor({ timeout: 20_000 });
  const texte = await tableau.innerText();
  for (const attendu of ['Offre non publiée', 'Pourquoi', 'Demandeurs écartés', 'sous le plafond']) {
    if (!texte.includes(attendu)) throw new Error(`« ${attendu} » missing from the correspondances tab`);
  }
  const lignes = tableau.locator('table').first().locator('tbody tr');
  if ((await lignes.count()) < 3) throw new Error(`only ${await lignes.count()} matching demandeurs`);
  await shot('correspondances');

  for (let i = 0; i < 3; i++) await lignes.nth(i).locator('input[type="checkbox"]').check();
  await page.getByRole('button', { name: /Envoyer la proposition \(3\)/ }).click();
  const dialogue = page.getByRole('dialog');
  await dialogue.getByLabel('Message au demandeur (facultatif)').fill('Bonjour, ce logement à Bron correspond à votre recherche : répondez depuis votre espace.');
  await shot('dialogue');
  await dialogue.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await page.getByText('3 propositions envoyées, 0 refusée.').waitFor({ timeout: 15_000 });
  await shot('envoyees');

  const apres = await api<{ statut: string; demandeurId: number }[]>(`/propositions?filter=${encodeURIComponent(JSON.stringify({ offreId: offre.id }))}&range=[0,99]`);
  if (apres.length !== avant.length + 3) throw new Error(`expected 3 new propositions, got ${apres.length - avant.length}`);
  await page.goto(`${base}/#/propositions`);
  await page.locator('table tbody tr').first().waitFor({ timeout: 15_000 });
  if (!(await page.locator('table').innerText()).includes(offre.reference)) throw new Error('the propositions list does not show the offer');
  await shot('liste-propositions');

  // §11.25: from a non-retained candidature, « Proposer une offre similaire ».
  const nonRetenues = await api<{ id: number }[]>(`/candidatures?filter=${encodeURIComponent(JSON.stringify({ statut: 'non_retenue' }))}&range=[0,49]`);
  let similaire: number | null = null;
  for (const c of nonRetenues) {
    const s = await api<{ offres: unknown[] }>(`/candidatures/${c.id}/offres-similaires`);
    if (s.offres.length > 0) {
      similaire = c.id;
      break;
    }
  }
  if (similaire === null) throw new Error('no non-retained candidature with a similar offer in 69');
  await page.goto(`${base}/#/candidatures/${similaire}/show`);
  await page.getByRole('button', { name: 'Proposer une offre similaire' }).click();
  const choix = page.getByRole('dialog');
  await choix.getByRole('radio').first().check();
  await shot('offres-similaires');
  await choix.getByRole('button', { name: 'Envoyer la proposition' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Envoyer', exact: true }).click();
  await page.getByText('1 proposition envoyée, 0 refusée.').waitFor({ timeout: 15_000 });

  // A manager manages the window: the publication tab and the dépublication dialog with its motif.
  await page.context().clearCookies();
  await page.goto('about:blank'); // a fresh start of the app, not a hash change inside the signed-in one
  await loginAs(page, base, DEMO.manager);
  const enLigne = (await api<{ id: number; departement: string }[]>(`/offres?filter=${encodeURIComponent(JSON.stringify({ departement: '69', publiee: true }))}&range=[0,0]`))[0];
  await page.goto(`${base}/#/offres/${enLigne.id}/show`);
  await page.getByRole('tab', { name: 'Publication' }).click();
  await page.getByTestId('publication').waitFor();
  await page.getByRole('button', { name: 'Dépublier' }).click();
  await page.getByRole('dialog').getByLabel(/Motif/).fill('Travaux de remise en état après le départ du locataire');
  const confirmer = page.getByRole('dialog').getByRole('button', { name: 'Confirmer' });
  await confirmer.and(page.locator(':enabled')).waitFor({ timeout: 5_000 });
  await shot('depublier');
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();
};
