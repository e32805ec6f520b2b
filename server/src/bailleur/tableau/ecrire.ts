import type { EntityManager } from '@mikro-orm/postgresql';
import type { Writable } from 'node:stream';
import { MOTIFS_NON_RETENUE_BAILLEUR } from '@shared/domain/enums';
import { LIBELLES_DECISION, LIBELLES_MOTIF_NON_RETENUE } from '@shared/rules/decisionBailleur';
import { cellules, COLONNES_DESIGNATIONS, SELECT_DESIGNATIONS, type Ligne } from '@server/modules/exports/designations';
import { FeuilleXlsx } from '@server/modules/exports/xlsx';
import type { BailleurPrincipal } from '@server/bailleur/auth';
import { PORTEE_SQL, porteeParams } from '@server/bailleur/portee';
import { COLONNES_DECISION, LIMITES_TABLEAU } from './colonnes';

const lettre = (n: number) => (n <= 26 ? String.fromCharCode(64 + n) : String.fromCharCode(64 + Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

/**
 * The decisions spreadsheet of a link: one row per candidature of its envoi still awaiting the
 * bailleur, with the designations export's columns (same cells, R-BAIL-MIN) and four to fill
 * (decision and motif from drop-down lists, free text, CALEOL date), streamed to `flux`.
 * Returns the candidatures written (each download is recorded for them).
 */
export async function ecrireTableau(em: EntityManager, b: BailleurPrincipal, flux: Writable): Promise<number[]> {
  const rows = await em.execute<Ligne[]>(
    `${SELECT_DESIGNATIONS}
      where ${PORTEE_SQL} and c.statut = 'transmise_bailleur' order by c.designee_le, c.id limit ?`,
    [...porteeParams(b), LIMITES_TABLEAU.lignes],
  );
  const colonnes = [...COLONNES_DESIGNATIONS, ...COLONNES_DECISION];
  const feuille = new FeuilleXlsx(flux, 'Décisions', colonnes);
  for (const l of rows) feuille.ajouter([...cellules(l), null, null, null, null]);
  const derniere = Math.max(rows.length + 1, 2);
  const col = (i: number) => lettre(COLONNES_DESIGNATIONS.length + i + 1);
  const validations = (feuille.feuille as unknown as { dataValidations: { add(range: string, v: object): void } }).dataValidations;
  validations.add(`${col(0)}2:${col(0)}${derniere}`, {
    type: 'list', allowBlank: true, showErrorMessage: true, errorTitle: 'Décision', error: 'Choisissez « Attribuée » ou « Non retenue ».',
    formulae: [`"${Object.values(LIBELLES_DECISION).join(',')}"`],
  });
  validations.add(`${col(1)}2:${col(1)}${derniere}`, {
    type: 'list', allowBlank: true, showErrorMessage: true, errorTitle: 'Motif', error: 'Choisissez un motif de la liste.',
    formulae: [`Motifs!$A$2:$A$${MOTIFS_NON_RETENUE_BAILLEUR.length + 1}`],
  });
  validations.add(`${col(3)}2:${col(3)}${derniere}`, {
    type: 'date', operator: 'greaterThan', allowBlank: true, showErrorMessage: true, error: 'Une date JJ/MM/AAAA.', formulae: [new Date(Date.UTC(2000, 0, 1))],
  });
  feuille.nouvelleFeuille('Motifs', [{ entete: 'Motifs de non-retenue', largeur: 60 }]);
  for (const m of MOTIFS_NON_RETENUE_BAILLEUR) feuille.ajouter([LIBELLES_MOTIF_NON_RETENUE[m]]);
  await feuille.terminer();
  return rows.map((r) => r.id);
}
