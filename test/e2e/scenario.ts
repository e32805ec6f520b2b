import type { Page } from 'playwright-core';

export interface ScenarioContext {
  page: Page;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Saves test-results/e2e/<scenario>-<label>.png: look at them. */
  shot: (label: string) => Promise<void>;
  /** The mails the server delivered (SMTP_URL points at the runner's own SMTP sink). */
  courriels: BoiteCourriels;
}

/** A mail as the SMTP sink received it, decoded. */
export interface Courriel {
  a: string[];
  sujet: string;
  texte: string;
  entetes: Record<string, string>;
}
export interface BoiteCourriels {
  /** The first received mail that satisfies `filtre`, waiting up to `delaiMs` for it. */
  attendre(filtre: (m: Courriel) => boolean, delaiMs?: number): Promise<Courriel>;
}
export type Scenario = (ctx: ScenarioContext) => Promise<void>;

/** The demo agents of seeds/agents.ts. */
export const DEMO = {
  conseiller69: { email: 'camille.martin@als.test', password: 'Conseiller69!demo' },
  fraude: { email: 'sarah.leroy@als.test', password: 'ControleFraude!demo' },
  manager: { email: 'julien.moreau@als.test', password: 'Manager2026!demo' },
  admin: { email: 'admin@als.test', password: 'Admin2026!demo' },
};

/**
 * Logs in through the console's login page, from a fresh document: the console keeps the
 * signed-in agent in memory, so going to `#/login` within the same document (a hash change)
 * after clearing cookies left the previous agent's session and a late 401 racing the form
 * (a CI run timed out there). Fails with the login answer's status when the API refuses.
 */
export async function loginAs(page: Page, base: string, who: { email: string; password: string }) {
  await page.goto('about:blank');
  await page.goto(`${base}/#/login`);
  const identifiant = page.locator('input[name="username"]');
  await identifiant.waitFor({ state: 'visible', timeout: 15_000 });
  await identifiant.fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  const [reponse] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.request().method() === 'POST', { timeout: 15_000 }),
    page.locator('button[type="submit"]').click(),
  ]);
  if (!reponse.ok()) throw new Error(`login of ${who.email} answered ${reponse.status()}: ${await reponse.text().catch(() => '')}`);
  await page.waitForURL((u) => !u.hash.startsWith('#/login'), { timeout: 15_000 });
}
