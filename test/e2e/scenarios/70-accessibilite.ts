import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation { id: string; impact: string | null; targets: string[] }
interface Resultat { page: string; violations: Violation[] }

/** GET on the API with the page's session cookie. */
async function api<T>(page: Page, base: string, chemin: string, query: Record<string, unknown> = {}): Promise<T> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const r = await page.request.get(`${base}/api${chemin}?${qs}`);
  if (!r.ok()) throw new Error(`GET ${chemin} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}
const premier = async <T extends { id: number }>(page: Page, base: string, ressource: string, filter: object = {}): Promise<T> => {
  const [r] = await api<T[]>(page, base, `/${ressource}`, { filter, range: [0, 0], sort: ['id', 'ASC'] });
  if (!r) throw new Error(`no ${ressource} in the demo data (${JSON.stringify(filter)})`);
  return r;
};

/** Waits for the page to settle: its content drawn, no loader left, then a pause for the transitions. */
async function attendre(page: Page, pret?: (p: Page) => Promise<unknown>) {
  await page.locator('#main-content, main').first().waitFor({ timeout: 20_000 });
  if (pret) await pret(page);
  for (let t = 0; t < 100 && (await page.locator('[role="progressbar"]:visible').count()) > 0; t++) await page.waitForTimeout(200);
  await page.waitForTimeout(700);
}

/** axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now. */
async function auditer(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    // any: axe is injected at run time, not typed in the page's globals.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const r = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const violations = r.violations.map((v: any) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n: any) => n.target.join(' ')) }));
    // RGAA 9.1 (axe keeps it among its best practices): one h1, with words, on every page.
    const h1 = Array.from(document.querySelectorAll('h1')).filter((h) => (h.textContent ?? '').trim() !== '');
    if (h1.length !== 1) violations.push({ id: 'un-seul-h1', impact: 'serious', targets: h1.length ? h1.map((h) => h.textContent ?? '') : ['aucun h1'] });
    // A control the Tab key reaches must be seen (WCAG 2.4.7): none inside a box folded to 0 px.
    const replies = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')).filter((el) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled || !el.checkVisibility({ visibilityProperty: true })) return false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if ((s.overflow === 'hidden' || s.overflowY === 'hidden') && p.getBoundingClientRect().height < 1) return true;
      }
      return false;
    });
    if (replies.length) violations.push({ id: 'focusable-invisible', impact: 'serious', targets: replies.map((el) => `${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}]`) });
    return violations;
  }, TAGS);
}

interface Ecran { nom: string; chemin: string; pret?: (p: Page) => Promise<unknown> }
const lignes = (p: Page) => p.locator('table tbody tr').first().waitFor({ timeout: 20_000 });
const titre = (nom: string | RegExp) => (p: Page) => p.getByRole('heading', { name: nom }).first().waitFor({ timeout: 20_000 });

async function ecransConseiller(page: Page, base: string): Promise<Ecran[]> {
  const offre = await premier<{ id: number; reference: string }>(page, base, 'offres', { departement: '69' });
  const candidature = await premier<{ id: number; reference: string }>(page, base, 'candidatures', { departement: '69', statut: 'deposee' });
  const demandeur = await premier<{ id: number }>(page, base, 'demandeurs');
  const onglet = (o: string) => `/candidatures?filter=${encodeURIComponent(JSON.stringify({ onglet: o }))}`;
  return [
    { nom: 'accueil', chemin: '/' },
    { nom: 'file À traiter', chemin: onglet('a_traiter'), pret: lignes },
    { nom: 'aide des raccourcis (« ? »)', chemin: onglet('a_traiter'), pret: aideRaccourcis },
    { nom: 'file Mes dossiers', chemin: onglet('mes_dossiers') },
    { nom: 'file En instruction', chemin: onglet('en_instruction'), pret: lignes },
    { nom: 'file Transmises', chemin: onglet('transmises'), pret: lignes },
    { nom: 'dossier', chemin: `/candidatures/${candidature.id}/show`, pret: titre(candidature.reference) },
    {
      nom: 'classement d’une offre',
      chemin: `/candidatures?${new URLSearchParams({ filter: JSON.stringify({ offreId: offre.id }), sort: 'rang', order: 'ASC' })}`,
      pret: lignes,
    },
    { nom: 'demandeurs', chemin: '/demandeurs', pret: lignes },
    { nom: 'un demandeur', chemin: `/demandeurs/${demandeur.id}/show` },
    { nom: 'offres', chemin: '/offres', pret: lignes },
    { nom: 'une offre', chemin: `/offres/${offre.id}/show`, pret: titre(new RegExp(offre.reference)) },
    { nom: 'propositions', chemin: '/propositions' },
    ...(await dialoguesDossier(page, base)),
  ];
}

interface Dossier { checklist: { demandable?: boolean }[]; designation: { possible: boolean } | null }

/**
 * The two dialogs a dossier opens before it writes: « Demander la pièce » on a line the conseiller
 * may ask for, and the confirmation before a designation (a dossier whose « Désigner » is enabled).
 * Opened, audited, never sent.
 */
async function dialoguesDossier(page: Page, base: string): Promise<Ecran[]> {
  const dossiers: Record<string, number> = {};
  for (const onglet of ['en_instruction', 'a_traiter']) {
    for (const { id } of await api<{ id: number }[]>(page, base, '/candidatures', { filter: { onglet }, range: [0, 99], sort: ['id', 'ASC'] })) {
      const d = await api<Dossier>(page, base, `/candidatures/${id}/dossier`);
      if (!dossiers.demander && d.checklist.some((l) => l.demandable)) dossiers.demander = id;
      if (!dossiers.designer && d.designation?.possible) dossiers.designer = id;
      if (dossiers.demander && dossiers.designer) break;
    }
  }
  if (!dossiers.demander || !dossiers.designer) throw new Error(`demo data lack a dossier for the dialogs: ${JSON.stringify(dossiers)}`);
  const pieces = (p: Page) => p.getByRole('list', { name: 'Pièces du dossier' });
  return [
    {
      nom: 'dialogue « Demander la pièce »',
      chemin: `/candidatures/${dossiers.demander}/show`,
      pret: async (p) => {
        const bouton = pieces(p).getByRole('button', { name: /^Demander la pièce : / }).first();
        await bouton.waitFor({ timeout: 20_000 });
        const nom = (await bouton.getAttribute('aria-label'))!;
        await bouton.click();
        await p.getByRole('dialog', { name: nom }).waitFor({ timeout: 10_000 });
      },
    },
    {
      nom: 'confirmation de la désignation',
      chemin: `/candidatures/${dossiers.designer}/show`,
      pret: async (p) => {
        const designer = p.getByRole('button', { name: 'Désigner au bailleur' });
        await designer.waitFor({ timeout: 20_000 });
        await designer.click();
        await p.getByRole('dialog').waitFor({ timeout: 10_000 });
      },
    },
  ];
}

/** The same dossier, the candidatures and the demandeurs as another role sees them. */
async function ecransCommuns(page: Page, base: string): Promise<Ecran[]> {
  const candidature = await premier<{ id: number; reference: string }>(page, base, 'candidatures', { statut: 'deposee' });
  return [
    { nom: 'dossier', chemin: `/candidatures/${candidature.id}/show`, pret: titre(candidature.reference) },
    { nom: 'candidatures', chemin: '/candidatures', pret: lignes },
    { nom: 'demandeurs', chemin: '/demandeurs', pret: lignes },
  ];
}

/** « ? » opens the shortcuts of the screen in a dialog: axe runs with it open. */
const aideRaccourcis = async (p: Page) => {
  await lignes(p);
  await p.locator('table tbody tr').first().focus();
  await p.keyboard.press('?');
  await p.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor({ timeout: 10_000 });
};

async function ecransManager(page: Page, base: string): Promise<Ecran[]> {
  return [
    ...(await ecransCommuns(page, base)),
    { nom: 'tableau de bord', chemin: '/', pret: (p) => p.getByText('Candidatures par statut').waitFor({ timeout: 20_000 }) },
    { nom: 'exports', chemin: '/exports' },
    { nom: 'nouvel export', chemin: '/exports/create', pret: (p) => p.locator('input[name="from"]').waitFor({ timeout: 20_000 }) },
    { nom: 'tâches', chemin: '/taches' },
    { nom: 'traces d’accès', chemin: '/traces-acces' },
  ];
}

async function ecransFraude(page: Page, base: string): Promise<Ecran[]> {
  const [existant] = await api<{ id: number }[]>(page, base, '/signalements', { range: [0, 0] });
  if (!existant) {
    // Signals exist once the analysis has run (30-fraude runs it; alone, this scenario does).
    await page.goto(`${base}/#/signalements`);
    await page.getByRole('button', { name: 'Lancer l’analyse' }).click();
    await page.getByText(/Analyse terminée/).waitFor({ timeout: 30_000 });
  }
  const signal = await premier<{ id: number }>(page, base, 'signalements');
  return [
    { nom: 'signalements', chemin: '/signalements', pret: lignes },
    { nom: 'un signalement', chemin: `/signalements/${signal.id}/show` },
    { nom: 'suspensions', chemin: '/suspensions' },
    { nom: 'nouvelle suspension', chemin: '/suspensions/create' },
    { nom: 'boîte d’envoi', chemin: '/notifications', pret: lignes },
    { nom: 'accueil', chemin: '/' },
    ...(await ecransCommuns(page, base)),
    { nom: 'journal d’audit', chemin: '/audit-events', pret: lignes },
    { nom: 'traces d’accès', chemin: '/traces-acces' },
  ];
}

async function ecransAdmin(): Promise<Ecran[]> {
  return [
    { nom: 'accueil', chemin: '/' },
    { nom: 'agents', chemin: '/agents', pret: lignes },
    { nom: 'tâches', chemin: '/taches' },
    { nom: 'boîte d’envoi', chemin: '/notifications', pret: lignes },
    { nom: 'conservation', chemin: '/conservation' },
    { nom: 'journal d’audit', chemin: '/audit-events', pret: lignes },
  ];
}

const ROLES: { role: string; compte: { email: string; password: string }; ecrans: (p: Page, base: string) => Promise<Ecran[]> }[] = [
  { role: 'conseiller', compte: DEMO.conseiller69, ecrans: ecransConseiller },
  { role: 'manager', compte: DEMO.manager, ecrans: ecransManager },
  { role: 'controle_fraude', compte: DEMO.fraude, ecrans: ecransFraude },
  { role: 'admin', compte: DEMO.admin, ecrans: ecransAdmin },
];

async function nouvellePage(navigateur: Browser): Promise<Page> {
  // axe's script is injected: a context that lets it in past the console's CSP.
  const contexte = await navigateur.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris', viewport: { width: 1440, height: 900 }, bypassCSP: true });
  return contexte.newPage();
}

/**
 * A11Y-AXE: axe-core (WCAG 2.1 A and AA) on every main page of each role — no critical and no
 * serious violation. The bailleur's page is audited in 60-bailleurs (it needs a mailed link).
 * Prints every page's counts; fails listing page, rule id and targets of what remains.
 */
export const scenario: Scenario = async ({ page: _page, base }) => {
  const navigateur = _page.context().browser()!;
  const resultats: Resultat[] = [];
  for (const { role, compte, ecrans } of ROLES) {
    const page = await nouvellePage(navigateur);
    try {
      await loginAs(page, base, compte);
      for (const ecran of await ecrans(page, base)) {
        const nom = `${role} · ${ecran.nom}`;
        await page.goto('about:blank');
        await page.goto(`${base}/#${ecran.chemin}`);
        await attendre(page, ecran.pret);
        const violations = await auditer(page);
        resultats.push({ page: nom, violations });
        const compte = (impact: string) => violations.filter((v) => v.impact === impact).reduce((n, v) => n + v.targets.length, 0);
        console.log(`  ${nom}: ${compte('critical')} critique(s), ${compte('serious')} grave(s), ${compte('moderate')} modérée(s), ${compte('minor')} mineure(s)`);
        await page.screenshot({ path: path.resolve(`test-results/e2e/70-accessibilite-${role}-${ecran.nom.replace(/[^a-zà-ÿ]+/gi, '-')}.png`) });
      }
    } finally {
      await page.context().close();
    }
  }
  const restantes = resultats.flatMap(({ page, violations }) =>
    violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${page} — ${v.id} (${v.impact}) : ${v.targets.slice(0, 5).join(' | ')}${v.targets.length > 5 ? ` … +${v.targets.length - 5}` : ''}`),
  );
  await writeFile(path.resolve('test-results/e2e/70-accessibilite.json'), JSON.stringify(resultats, null, 1));
  if (restantes.length) throw new Error(`violations axe critiques ou graves :\n${restantes.join('\n')}`);
};
