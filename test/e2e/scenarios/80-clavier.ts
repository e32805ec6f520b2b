import type { Page } from 'playwright-core';
import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

interface Offre { id: number; reference: string; nombreLogements: number }
interface Rang { rang: number; candidatureId: number; statut: string; agentEnChargeId: number | null; reference: string }
interface Dossier { checklist: { statut: string | null; ok: boolean }[]; suspenduJusquAu: string | null; eligibilite: { eligible: boolean }; actionsPossibles: string[] }

async function api<T>(page: Page, base: string, chemin: string): Promise<{ body: T; total: number | null }> {
  const r = await page.request.get(`${base}/api${chemin}`);
  if (!r.ok()) throw new Error(`GET ${chemin} → ${r.status()} ${await r.text()}`);
  const range = r.headers()['content-range'];
  return { body: (await r.json()) as T, total: range ? Number(range.split('/')[1]) : null };
}
const q = (o: unknown) => encodeURIComponent(JSON.stringify(o));

/**
 * The best-ranked dossier to handle of an offer of the conseiller's territory that can go all
 * the way to the designation: the first of the ranking still deposee (the ones before it already
 * designated: 20-instruction may have taken the seed's only rank 1 that can), nobody on it, every
 * required piece deposited, not suspended, eligible, not PSEEC (rights), room left among the designations.
 */
async function choisirDossier(page: Page, base: string): Promise<{ offre: Offre; candidature: Rang; position: number; aVerifier: number }> {
  const { body: offres } = await api<Offre[]>(page, base, `/offres?filter=${q({ departement: '69' })}&range=${q([0, 99])}&sort=${q(['id', 'ASC'])}`);
  // One with pieces to check if there is one (V at work), else one whose pieces are all checked.
  let sansPiece: { offre: Offre; candidature: Rang; position: number; aVerifier: number } | null = null;
  for (const offre of offres) {
    const { body: classement } = await api<Rang[]>(page, base, `/offres/${offre.id}/classement`);
    const position = classement.findIndex((r) => r.statut !== 'transmise_bailleur');
    const premier = classement[position];
    if (!premier || premier.statut !== 'deposee' || premier.agentEnChargeId != null) continue;
    const { body: d } = await api<Dossier>(page, base, `/candidatures/${premier.candidatureId}/dossier`);
    const { body: c } = await api<{ publicCible: string }>(page, base, `/candidatures/${premier.candidatureId}`);
    const { total: designees } = await api<unknown[]>(page, base, `/candidatures?filter=${q({ offreId: offre.id, statut: ['transmise_bailleur', 'attribuee'] })}`);
    if (
      d.checklist.every((l) => l.ok) && !d.suspenduJusquAu && d.eligibilite.eligible && d.actionsPossibles.includes('instruire') &&
      c.publicCible !== 'pseec' && (designees ?? 0) < 3 * offre.nombreLogements
    ) {
      const choix = { offre, candidature: premier, position, aVerifier: d.checklist.filter((l) => l.statut === 'depose').length };
      if (choix.aVerifier > 0) return choix;
      sansPiece ??= choix;
    }
  }
  if (sansPiece) return sansPiece;
  throw new Error('no offer of 69 whose best-ranked dossier to handle can be designated in the seed');
}

/** The text of the element that has the focus, and its role. */
const focus = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', texte: (el?.innerText ?? '').trim().replace(/\s+/g, ' '), role: el?.getAttribute('role') ?? '' };
  });

/**
 * A11Y-CLAVIER: the advisor's task of issue #15 — take rank 1 of an offer's ranking, validate its
 * pieces, instruct it, designate it — with the keyboard only (page.keyboard: no click after the
 * login). Counts and prints the keystrokes; the designation must show on screen.
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  await loginAs(page, base, DEMO.conseiller69);
  const { offre, candidature, position, aVerifier } = await choisirDossier(page, base);
  console.log(`  offre ${offre.reference}, rang ${candidature.rang} : ${candidature.reference} (${aVerifier} pièce(s) à vérifier, ${position} déjà désignée(s) avant)`);

  const frappes: string[] = [];
  let caracteres = 0;
  const touche = async (t: string) => {
    frappes.push(t);
    await page.keyboard.press(t);
  };

  // The offer's ranking: the queue filtered on the offer, by rank (where « Ouvrir le classement » leads).
  const classement = new URLSearchParams({ filter: JSON.stringify({ offreId: offre.id }), sort: 'rang', order: 'ASC' });
  await page.goto(`${base}/#/candidatures?${classement}`);
  await page.locator('table tbody tr').getByText(candidature.reference).waitFor({ timeout: 20_000 });
  await page.waitForTimeout(500);
  const ligneVisee = (await page.locator('table tbody tr').allInnerTexts()).findIndex((t) => t.includes(candidature.reference));

  // j: the first row (rank 1) takes the focus, j again down to the first one not yet designated; Enter opens it.
  for (let i = 0; i <= ligneVisee; i++) await touche('j');
  const ligne = await focus(page);
  if (ligne.tag !== 'TR' || !ligne.texte.includes(candidature.reference)) throw new Error(`j did not focus ${candidature.reference}: ${JSON.stringify(ligne)}`);
  await shot('1-rang-1-au-clavier');
  await touche('Enter');
  await page.getByRole('heading', { name: candidature.reference, exact: true }).waitFor({ timeout: 20_000 });
  const pieces = page.getByRole('list', { name: 'Pièces du dossier' });
  await pieces.waitFor({ timeout: 20_000 });
  await page.locator('iframe[src*="/api/justificatifs/"], img[src*="/api/justificatifs/"]').first().waitFor({ timeout: 20_000 });

  // V validates the piece shown, the next one to check is then shown; N moves on when the one
  // shown is not to check.
  const aVerifierListe = pieces.getByRole('button').filter({ hasText: /Déposé$/ });
  for (let n = 0; (await aVerifierListe.count()) > 0; n++) {
    if (n > 3 * aVerifier + 10) throw new Error('the pieces to check do not get validated');
    const restantes = await aVerifierListe.count();
    const affichee = (await pieces.locator('.Mui-selected').innerText()).trim();
    if (!/Déposé$/.test(affichee)) {
      await touche('n');
      await page.waitForTimeout(300);
      continue;
    }
    const [reponse] = await Promise.all([
      page.waitForResponse((r) => /\/api\/justificatifs\/\d+\/valider(\?|$)/.test(r.url()) && r.request().method() === 'POST', { timeout: 60_000 }),
      touche('v'),
    ]);
    if (!reponse.ok()) throw new Error(`V → ${reponse.status()} ${await reponse.text()}`);
    for (let t = 0; (await aVerifierListe.count()) >= restantes; t++) {
      if (t > 100) throw new Error('the checklist does not follow the validation');
      await page.waitForTimeout(200);
    }
  }
  await page.getByText(/(\d+) validées? sur \1$/).waitFor({ timeout: 20_000 });
  const apresPieces = await focus(page);
  if (aVerifier > 0 && (!apresPieces.texte || apresPieces.tag === 'BODY')) throw new Error('the focus fell to the page after the pieces');
  await shot('2-pieces-validees');

  // A: to the actions; Enter on « Instruire ».
  await touche('a');
  const instruire = await focus(page);
  if (instruire.texte !== 'INSTRUIRE' && instruire.texte !== 'Instruire') throw new Error(`A did not reach « Instruire »: ${JSON.stringify(instruire)}`);
  await touche('Enter');
  // (Its toast may queue behind « Pièce validée. »: the status chip says it.)
  await page.locator('.MuiChip-label', { hasText: 'En instruction' }).first().waitFor({ timeout: 20_000 });
  const designer = page.getByRole('button', { name: 'Désigner au bailleur' });
  await designer.waitFor({ timeout: 20_000 });
  // The focus stays in the actions, now on « Désigner au bailleur ».
  for (let t = 0; !/^Désigner au bailleur$/i.test((await focus(page)).texte); t++) {
    if (t > 50) throw new Error(`the focus is not on « Désigner au bailleur » after instruire: ${JSON.stringify(await focus(page))}`);
    await page.waitForTimeout(200);
  }
  await shot('3-focus-sur-designer');
  await touche('Enter');

  // A dialog may come (a motif when better-ranked ones wait, a confirmation): answered by keyboard.
  // Done when the status chip says it: the toast may queue behind the pieces' and instruire's ones
  // (seven pieces validated make a queue longer than the wait).
  const fait = page.locator('.MuiChip-label', { hasText: 'Transmise au bailleur' }).first();
  const dialogue = page.getByRole('dialog');
  await Promise.race([fait.waitFor({ timeout: 20_000 }), dialogue.waitFor({ timeout: 20_000 })]);
  for (let d = 0; d < 3 && !(await fait.isVisible()) && (await dialogue.isVisible()); d++) {
    const motif = dialogue.getByRole('textbox', { name: /Motif/ });
    if ((await motif.count()) > 0 && (await motif.inputValue()) === '') {
      for (let t = 0; !(await motif.evaluate((el) => el === document.activeElement)); t++) {
        if (t > 10) throw new Error('Tab does not reach the motif');
        await touche('Tab');
      }
      const texte = 'Premier du classement.';
      await page.keyboard.type(texte);
      caracteres += texte.length;
    }
    // Tab to the dialog's confirming button (the contained one), then Enter.
    for (let t = 0; ; t++) {
      const f = await focus(page);
      const confirme = await page.evaluate(() => {
        const el = document.activeElement;
        return !!el?.closest('[role="dialog"]') && el?.tagName === 'BUTTON' && el.classList.contains('MuiButton-contained');
      });
      if (confirme) break;
      if (t > 10) throw new Error(`Tab does not reach the dialog's confirmation: ${JSON.stringify(f)}`);
      await touche('Tab');
    }
    await touche('Enter');
    await Promise.race([fait.waitFor({ timeout: 20_000 }), page.waitForTimeout(1500)]);
  }
  await fait.waitFor({ timeout: 20_000 });
  await page.locator('.MuiChip-label', { hasText: 'Transmise au bailleur' }).first().waitFor({ timeout: 20_000 });
  await page.getByRole('list', { name: 'Historique' }).getByText('Désignation au bailleur · En instruction → Transmise au bailleur').waitFor({ timeout: 20_000 });
  await shot('4-designee-au-clavier');

  const r = await page.request.get(`${base}/api/candidatures/${candidature.candidatureId}`);
  const apres = (await r.json()) as { statut: string };
  if (apres.statut !== 'transmise_bailleur') throw new Error(`candidature not designated: ${JSON.stringify(apres)}`);
  const parTouche = frappes.reduce<Record<string, number>>((m, t) => ({ ...m, [t]: (m[t] ?? 0) + 1 }), {});
  console.log(`  ${frappes.length} touche(s)${caracteres ? ` + ${caracteres} caractère(s) de motif` : ''}, 0 clic : ${frappes.join(' ')}`);
  console.log(`  par touche : ${JSON.stringify(parTouche)}`);
};
