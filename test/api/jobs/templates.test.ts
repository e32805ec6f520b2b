import { describe, expect, it } from 'vitest';
import { texteVersHtml } from '@server/modules/notifications/html';
import { TEMPLATES } from '@server/modules/notifications/templates';

/** Every key any template reads, with a plausible French value. */
const DONNEES = {
  civilite: 'Mme', prenom: 'Élodie', nom: 'Lefèvre', reference: 'CAND-2026-000123', offre: 'OFF-2026-0042', titre: 'T3 lumineux',
  commune: 'Villeurbanne', bailleur: 'Alliade Habitat', motif: 'Dossier incomplet', canal: 'téléphone', piece: 'identite',
  demande: 'DEM-2026-000042', derniereActivite: '10/01/2026', dateCloture: '10/05/2026', date: '10/05/2026', candidatures: 'CAND-1, CAND-2',
  categorie: 'fraude', dureeMois: 12, debut: '02/11/2026', fin: '02/11/2027', finPrevue: '02/11/2027', expireLe: '16/11/2026',
  message: 'Ce logement correspond à votre recherche.', pieces: '- Pièce d’identité, valable jusqu’au 01/11/2026',
  lien: 'https://logement.example/portail/verifier-email?token=abc', token: 'abc', ferme: 1, sujet: 'Information', texte: 'Texte libre.',
  nombre: 2, offres: 'OFF-2026-0042 — T3 lumineux à Villeurbanne', jours: 15,
};
/** Mails to a bailleur (an organisation, not a person): « Bonjour, ». */
const AU_BAILLEUR = new Set(['bailleur_envoi', 'bailleur_relance']);

describe('notification templates', () => {
  const promis = [
    'inactivite_avertissement', 'inactivite_relance', 'inactivite_cloture', 'offre_reprise', 'suspension_appliquee',
    'proposition_recue', 'proposition_expiree', 'justificatif_expire', 'candidature_en_instruction', 'candidature_transmise_bailleur',
    'candidature_attribuee', 'candidature_non_retenue', 'candidature_annulee', 'candidature_cloturee',
  ];
  it('§11.27: every promised notification has a French template', () => {
    for (const t of promis) expect(Object.keys(TEMPLATES)).toContain(t);
  });

  it.each(Object.keys(TEMPLATES))('§11.27: %s renders a French subject and body with nothing left blank', (nom) => {
    const { sujet, corps } = TEMPLATES[nom](DONNEES);
    for (const texte of [sujet, corps]) {
      expect(texte).not.toMatch(/undefined|null|\[object|\$\{/);
      expect(texte.trim().length).toBeGreaterThan(10);
    }
    expect(corps).toMatch(AU_BAILLEUR.has(nom) ? /^Bonjour,/ : /^Bonjour Mme Élodie Lefèvre,/);
    expect(corps).toContain('Action Logement Services');
    const html = texteVersHtml(sujet, corps);
    expect(html).toContain('<html lang="fr">');
    expect(html).not.toMatch(/undefined/);
  });

  it('R-INACT: the three inactivity mails say what happens and when', () => {
    expect(TEMPLATES.inactivite_avertissement(DONNEES).corps).toContain('avant le 10/05/2026');
    expect(TEMPLATES.inactivite_relance(DONNEES).sujet).toContain('dans 3 jours');
    const cloture = TEMPLATES.inactivite_cloture(DONNEES).corps;
    expect(cloture).toContain('Vous pouvez toujours vous connecter à votre compte');
    expect(cloture).toContain('créez une nouvelle demande');
  });

  it('R-SUSP: the suspension mail tells the category and the duration, never the fraud motive text', () => {
    const corps = TEMPLATES.suspension_appliquee(DONNEES).corps;
    expect(corps).toContain('pour 12 mois');
    expect(corps).toContain('suspicion de fraude');
    expect(TEMPLATES.suspension_appliquee({ ...DONNEES, categorie: 'incivilite' }).corps).toContain('incivilité');
  });

  it('the HTML alternative escapes the text and makes links clickable', () => {
    const html = texteVersHtml('Sujet <b>', 'Bonjour <script>alert(1)</script> & co,\n\nLien : https://logement.example/a?b=1&c=2.\nFin');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co,');
    expect(html).toContain('<a href="https://logement.example/a?b=1&amp;c=2">https://logement.example/a?b=1&amp;c=2</a>.<br>');
    expect(html).toContain('<title>Sujet &lt;b&gt;</title>');
    expect(html.match(/<p /g)).toHaveLength(2);
  });
});
