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

/** Logs in through the console's login page. */
export async function loginAs(page: Page, base: string, who: { email: string; password: string }) {
  await page.goto(`${base}/#/login`);
  await page.locator('input[name="username"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((u) => !u.hash.startsWith('#/login'), { timeout: 15_000 });
}
