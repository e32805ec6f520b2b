import type { Page } from 'playwright-core';
import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

interface Signal {
  id: number;
  demandeurIds: number[];
}
interface Candidature {
  id: number;
  reference: string;
  statut: string;
}

/** GET on the API with the page's session cookie. */
async function api<T>(page: Page, base: string, path: string, query: Record<string, unknown> = {}): Promise<T> {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const r = await page.request.get(`${base}/api${path}?${qs}`);
  if (!r.ok()) throw new Error(`GET ${path} → ${r.status()} ${await r.text()}`);
  return (await r.json()) as T;
}

const OUVERTES = ['deposee', 'en_instruction', 'transmise_bailleur'];

/**
 * Fraud control end to end (R-ONE-ACCOUNT, R-SUSP, R-FRAUD-VIS): a fraud controller runs the
 * analysis, opens an identity signal among the seeded look-alikes, takes it, confirms it, then
 * suspends one of the accounts for 2 years after seeing the effects; a conseiller of the
 * territory then sees that account's candidatures as « Clôturée », without any motive.
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  await loginAs(page, base, DEMO.fraude);
  await page.goto(`${base}/#/signalements`);
  await page.getByRole('button', { name: 'Lancer l’analyse' }).click();
  await page.getByText(/Analyse terminée/).waitFor({ timeout: 30_000 });
  await page.locator('table tbody tr').first().waitFor();
  await shot('1-file-signalements');

  // The metadata evidence of a tampered PDF (the seeded iLovePDF piece), for the record.
  const [meta] = await api<Signal[]>(page, base, '/signalements', { filter: { type: 'metadonnees_pdf' }, range: [0, 0] });
  if (meta) {
    await page.goto(`${base}/#/signalements/${meta.id}/show`);
    await page.getByText('Métadonnées du PDF').waitFor();
    await shot('1b-signal-metadonnees');
  }

  // An identity signal whose second account has open candidatures in the Rhône (the conseiller's territory).
  const signaux = await api<Signal[]>(page, base, '/signalements', { filter: { type: 'identite_multiple', statut: 'nouveau' }, range: [0, 49] });
  let choix: { signal: Signal; demandeurId: number; candidatures: Candidature[] } | null = null;
  for (const signal of signaux) {
    for (const demandeurId of signal.demandeurIds) {
      const d = await api<{ suspenduJusquAu: string | null }>(page, base, `/demandeurs/${demandeurId}`);
      if (d.suspenduJusquAu) continue;
      const candidatures = await api<Candidature[]>(page, base, '/candidatures', { filter: { demandeurId, statut: OUVERTES, departement: '69' } });
      if (candidatures.length > 0) choix ??= { signal, demandeurId, candidatures };
    }
  }
  if (!choix) throw new Error('no seeded identity signal with open candidatures in 69');
  const { signal, demandeurId, candidatures } = choix;
  const toutes = await api<Candidature[]>(page, base, '/candidatures', { filter: { demandeurId, statut: OUVERTES }, range: [0, 49] });

  await page.goto(`${base}/#/signalements/${signal.id}/show`);
  const comparaison = page.getByRole('table', { name: 'Comptes comparés' });
  await comparaison.waitFor();
  await shot('2-signal-preuves');
  await page.getByRole('button', { name: 'Prendre' }).click();
  await page.getByText('Signalement assigné à vous.').waitFor();
  await page.getByRole('button', { name: 'Confirmer' }).first().click();
  const dialogue = page.getByRole('dialog');
  await dialogue.getByRole('textbox').fill('Même personne : même identité une fois normalisée, même date de naissance.');
  await dialogue.getByRole('button', { name: 'Confirmer' }).click();
  await page.getByText('Signalement confirmé.').waitFor();
  await page.locator('.MuiChip-label', { hasText: 'Confirmé' }).first().waitFor();
  await shot('3-signal-confirme');

  // Suspend the chosen account from its column of the comparison.
  const colonnes = await comparaison.locator('thead th').allInnerTexts();
  const index = colonnes.findIndex((t) => t.includes(`Compte n° ${demandeurId}`));
  if (index < 1) throw new Error(`column of account ${demandeurId} not found in ${colonnes.join(' | ')}`);
  await comparaison.locator('thead th').nth(index).getByRole('link', { name: 'Suspendre un compte' }).click();
  await page.getByRole('button', { name: '2 ans' }).click();
  const effets = page.getByRole('region', { name: 'Effets de la suspension' });
  await effets.getByText(`${toutes.length} candidature`, { exact: false }).waitFor({ timeout: 15_000 });
  for (const c of toutes) await effets.getByText(c.reference).waitFor();
  await page.getByLabel(/Motif \(visible du seul contrôle fraude\)/).fill('Compte multiple sous une identité inversée pour dépasser la limite de candidatures.');
  await shot('4-suspension-apercu');
  await page.getByRole('button', { name: 'Confirmer la suspension' }).click();
  await page.waitForURL(/#\/suspensions\/\d+\/show/, { timeout: 15_000 });
  await page.getByText(/Suspension appliquée/).waitFor();
  await page.getByRole('heading', { name: 'Contrôle fraude', exact: true }).waitFor();
  await page.getByText(/identité inversée/).waitFor();
  await shot('5-suspension-appliquee');

  await page.goto(`${base}/#/suspensions?filter=${encodeURIComponent(JSON.stringify({ active: 'true' }))}`);
  await page.locator('table tbody tr').first().waitFor();
  await shot('5b-registre-suspensions');

  await page.goto(`${base}/#/demandeurs/${demandeurId}/show`);
  await page.getByRole('tab', { name: 'Historique' }).click();
  await page.getByText('Candidatures clôturées ou annulées').waitFor();
  await page.getByText(candidatures[0].reference).first().waitFor();
  await shot('6-historique-fraude');

  // A conseiller of the Rhône sees the candidatures closed, and nothing of the motive.
  await page.context().clearCookies();
  await loginAs(page, base, DEMO.conseiller69);
  await page.goto(`${base}/#/demandeurs/${demandeurId}/show`);
  await page.getByText(/Suspendu jusqu'au/).first().waitFor({ timeout: 15_000 });
  for (const c of candidatures) {
    const ligne = page.locator('tr', { hasText: c.reference });
    await ligne.first().waitFor();
    const texte = await ligne.first().innerText();
    if (!texte.includes('Clôturée')) throw new Error(`candidature ${c.reference} not shown as Clôturée: ${texte}`);
  }
  const corps = await page.locator('body').innerText();
  if (/identité inversée|Même personne|Fraude/.test(corps)) throw new Error('fraud data visible to a conseiller');
  await shot('7-conseiller-cloturees');
};
