import type { APIRequestContext, Page } from 'playwright-core';
import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

interface Offre { id: number; reference: string; nombreLogements: number }
interface Rang { rang: number; candidatureId: number; statut: string; agentEnChargeId: number | null; reference: string }
interface Ligne { justificatifId: number | null; statut: string | null; ok: boolean }
interface Dossier { checklist: Ligne[]; suspenduJusquAu: string | null; eligibilite: { eligible: boolean }; actionsPossibles: string[] }

async function api<T>(request: APIRequestContext, base: string, path: string): Promise<{ body: T; total: number | null }> {
  const r = await request.get(`${base}/api${path}`);
  if (!r.ok()) throw new Error(`GET ${path} → ${r.status()} ${await r.text()}`);
  const range = r.headers()['content-range'];
  return { body: (await r.json()) as T, total: range ? Number(range.split('/')[1]) : null };
}
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

/**
 * The offer of the conseiller's territory whose rank-1 candidature can go all the way: deposee,
 * nobody on it, every required piece deposited (some still to check), not suspended, eligible,
 * not PSEEC (rights), and room left among the designations (3 per logement).
 */
async function choisirDossier(page: Page, base: string) {
  const { body: offres } = await api<Offre[]>(page.request, base, `/offres?filter=${q({ departement: '69' })}&range=${q([0, 99])}&sort=${q(['id', 'ASC'])}`);
  for (const offre of offres) {
    const { body: classement } = await api<Rang[]>(page.request, base, `/offres/${offre.id}/classement`);
    const premier = classement[0];
    if (!premier || premier.statut !== 'deposee' || premier.agentEnChargeId != null) continue;
    const { body: d } = await api<Dossier>(page.request, base, `/candidatures/${premier.candidatureId}/dossier`);
    const { body: c } = await api<{ publicCible: string }>(page.request, base, `/candidatures/${premier.candidatureId}`);
    const { total: designees } = await api<unknown[]>(page.request, base, `/candidatures?filter=${q({ offreId: offre.id, statut: ['transmise_bailleur', 'attribuee'] })}`);
    const aVerifier = d.checklist.filter((l) => l.statut === 'depose').length;
    if (
      d.checklist.every((l) => l.ok) && aVerifier > 0 && !d.suspenduJusquAu && d.eligibilite.eligible &&
      d.actionsPossibles.includes('instruire') && c.publicCible !== 'pseec' && (designees ?? 0) < 3 * offre.nombreLogements
    ) {
      return { offre, candidature: premier, aVerifier };
    }
  }
  throw new Error('no offer of 69 whose rank-1 candidature can be designated in the seed');
}

/**
 * The advisor's path through issue 3: open an offer's ranking, take its top-ranked candidature,
 * check its pieces in the viewer and validate them, instruct it, designate it to the landlord.
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  await loginAs(page, base, DEMO.conseiller69);
  const { offre, candidature, aVerifier } = await choisirDossier(page, base);
  console.log(`  offre ${offre.reference}, candidature ${candidature.reference} (rang 1, ${aVerifier} pièce(s) à vérifier)`);

  // The work queue: tabs with their counts.
  await page.goto(`${base}/#/candidatures`);
  await page.getByRole('tab', { name: /^À traiter \d+$/ }).waitFor({ timeout: 20_000 });
  await page.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
  await shot('1-file');

  // The offer, then its ranking.
  await page.goto(`${base}/#/offres/${offre.id}/show`);
  await page.getByRole('link', { name: 'Ouvrir le classement' }).click();
  await page.getByText(`Filtré sur l’offre ${offre.reference}`, { exact: false }).waitFor({ timeout: 20_000 });
  const premiere = page.locator('table tbody tr').first();
  await premiere.getByText(candidature.reference).waitFor({ timeout: 20_000 });
  if ((await premiere.locator('td').nth(1).innerText()).trim() !== '1') throw new Error('the first row of the ranking is not rang 1');
  await shot('2-classement');

  // The candidature page; take it.
  await premiere.getByText(candidature.reference).click();
  await page.getByRole('heading', { name: candidature.reference, exact: true }).waitFor({ timeout: 20_000 });
  await page.getByText('Personne ne traite ce dossier.').waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Je prends le dossier' }).click();
  await page.getByText(/^Vous traitez ce dossier depuis \d\d:\d\d\.$/).waitFor({ timeout: 20_000 });
  await shot('3-dossier-pris');

  // Each piece to check: shown in the viewer (a PDF frame or an image), then validated.
  const pieces = page.getByRole('list', { name: 'Pièces du dossier' }).getByRole('button');
  const aVerifierListe = pieces.filter({ hasText: /Déposé$/ });
  for (let n = 0; n < aVerifier; n++) {
    const ligne = aVerifierListe.first();
    await ligne.click();
    const viewer = page.locator('iframe[src*="/api/justificatifs/"], img[src*="/api/justificatifs/"]');
    await viewer.first().waitFor({ timeout: 20_000 });
    if (n === 0) {
      await page.waitForTimeout(2500); // let the PDF viewer paint before the screenshot
      await shot('4-piece-visionneuse');
    }
    const [reponse] = await Promise.all([
      page.waitForResponse((r) => /\/api\/justificatifs\/\d+\/valider(\?|$)/.test(r.url()) && r.request().method() === 'POST', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Valider', exact: true }).click({ timeout: 30_000 }),
    ]);
    if (!reponse.ok()) throw new Error(`valider → ${reponse.status()} ${await reponse.text()}`);
    // The checklist follows once the dossier is reloaded: then the next piece to check.
    const restantes = aVerifier - n - 1;
    for (let t = 0; (await aVerifierListe.count()) !== restantes; t++) {
      if (t > 100) throw new Error(`the checklist still shows ${await aVerifierListe.count()} piece(s) to check, ${restantes} expected`);
      await page.waitForTimeout(200);
    }
  }
  await page.getByText(/(\d+) validées? sur \1$/).waitFor({ timeout: 20_000 });
  await page.getByRole('heading', { name: candidature.reference, exact: true }).scrollIntoViewIfNeeded();
  await page.waitForTimeout(2000); // the PDF viewer repaints
  await shot('5-pieces-validees');

  // Instruct, then designate (a motif is asked only if better-ranked candidatures wait).
  await page.getByRole('button', { name: 'Instruire' }).click();
  await page.getByText('Candidature passée en instruction.').waitFor({ timeout: 20_000 });
  const designer = page.getByRole('button', { name: 'Désigner au bailleur' });
  await designer.waitFor({ timeout: 20_000 });
  await designer.click();
  // A confirmation first (the demandeur is mailed); it names the better-ranked candidatures skipped and asks the motif then.
  const fait = page.getByText('Candidature transmise au bailleur.');
  const dialogue = page.getByRole('dialog');
  await dialogue.getByText(/prévenu par courriel/).waitFor({ timeout: 20_000 });
  const motif = dialogue.getByRole('textbox', { name: /Motif/ });
  if (await motif.isVisible()) await motif.fill('Premier du classement : les candidatures mieux classées ont été écartées.');
  await shot('6a-confirmation-designation');
  await dialogue.getByRole('button', { name: 'Désigner au bailleur' }).click();
  await fait.waitFor({ timeout: 20_000 });
  await page.locator('.MuiChip-label', { hasText: 'Transmise au bailleur' }).first().waitFor({ timeout: 20_000 });
  await page.getByRole('list', { name: 'Historique' }).getByText('Désignation au bailleur · En instruction → Transmise au bailleur').waitFor({ timeout: 20_000 });
  await shot('6-designee');

  // What the API now says.
  const { body: apres } = await api<{ statut: string; designeeLe: string | null }>(page.request, base, `/candidatures/${candidature.candidatureId}`);
  if (apres.statut !== 'transmise_bailleur' || !apres.designeeLe) throw new Error(`candidature not designated: ${JSON.stringify(apres)}`);
  const { body: d } = await api<Dossier>(page.request, base, `/candidatures/${candidature.candidatureId}/dossier`);
  if (!d.checklist.every((l) => l.statut === 'valide')) throw new Error('some piece is not validated');
  await page.getByRole('heading', { name: candidature.reference, exact: true }).scrollIntoViewIfNeeded();
  await page.getByRole('list', { name: 'Historique' }).scrollIntoViewIfNeeded();
  await shot('7-historique');
};
