import { DEMO, loginAs, type Scenario } from '@test/e2e/scenario';

interface Ligne { type: string; titulaire: string; demandable?: boolean; demandePiece?: { demandeeLe: string } | null }

/**
 * Issue #15 (UI-DEMANDER-PIECE): a conseiller opens a dossier of his territory that lacks a piece,
 * clicks « Demander la pièce » on that line, picks a motif template and sends it; the console
 * says the demandeur is told by mail, the line then shows « Demandée le jj/mm/aaaa » without its
 * button, the dossier API shows the request and the dossier is now his. The outbox row itself
 * (template `piece_demandee`, to the demandeur, in French) is checked by
 * test/api/candidatures/demanderPiece.test.ts, not here.
 */
export const scenario: Scenario = async ({ page, base, shot }) => {
  await loginAs(page, base, DEMO.conseiller69);
  // A dossier of the queue with a line the conseiller may ask for (missing or refused piece, none pending).
  const filtre = encodeURIComponent(JSON.stringify({ onglet: 'a_traiter' }));
  const liste = await page.request.get(`${base}/api/candidatures?filter=${filtre}&range=[0,99]&sort=["id","ASC"]`);
  if (!liste.ok()) throw new Error(`liste des candidatures : ${liste.status()}`);
  let cible: { id: number; ligne: Ligne } | null = null;
  for (const c of (await liste.json()) as { id: number }[]) {
    const d = (await (await page.request.get(`${base}/api/candidatures/${c.id}/dossier`)).json()) as { checklist: Ligne[] };
    const ligne = d.checklist.find((l) => l.demandable);
    if (ligne) {
      cible = { id: c.id, ligne };
      break;
    }
  }
  if (!cible) throw new Error('aucun dossier du 69 avec une pièce à demander dans les données de démonstration');

  await page.goto(`${base}/#/candidatures/${cible.id}/show`);
  const pieces = page.getByRole('list', { name: 'Pièces du dossier' });
  await pieces.waitFor({ timeout: 20_000 });
  const bouton = pieces.getByRole('button', { name: /^Demander la pièce : / }).first();
  await bouton.waitFor({ timeout: 20_000 });
  const nomBouton = (await bouton.getAttribute('aria-label'))!;
  await bouton.click();
  const dialogue = page.getByRole('dialog', { name: nomBouton });
  await dialogue.waitFor({ timeout: 10_000 });
  await dialogue.getByRole('combobox', { name: /Motif type/ }).click();
  await page.getByRole('option').first().click();
  await shot('dialogue');
  await dialogue.getByRole('button', { name: 'Envoyer la demande' }).click();
  await page.getByText('Pièce demandée : le demandeur est prévenu par courriel.').waitFor({ timeout: 15_000 });
  await dialogue.waitFor({ state: 'detached', timeout: 10_000 });

  // The line now says since when (jj/mm/aaaa), and its button is gone.
  const demandee = pieces.getByText(/^Demandée le \d{2}\/\d{2}\/\d{4}$/).first();
  await demandee.waitFor({ timeout: 15_000 });
  if ((await pieces.getByRole('button', { name: nomBouton }).count()) !== 0) throw new Error(`« ${nomBouton} » still offered after the request`);
  const d = (await (await page.request.get(`${base}/api/candidatures/${cible.id}/dossier`)).json()) as { checklist: Ligne[] };
  const apres = d.checklist.find((l) => l.type === cible.ligne.type && l.titulaire === cible.ligne.titulaire);
  if (!apres?.demandePiece) throw new Error('the dossier API does not show the request');
  const c = (await (await page.request.get(`${base}/api/candidatures/${cible.id}`)).json()) as { agentEnChargeId: number | null };
  if (c.agentEnChargeId == null) throw new Error('asking for a piece did not take the dossier');
  console.log(`Demander la pièce : dossier ${cible.id}, ${nomBouton}, ${await demandee.innerText()}`);
  await demandee.scrollIntoViewIfNeeded();
  await shot('demandee');
};
