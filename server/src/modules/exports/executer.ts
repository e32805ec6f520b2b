import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StatutExport, TypeExport } from '../../../../shared/domain/enums';
import { audit } from '../audit-events/audit';
import { ecrireDesignations } from './designations';
import { chargerDossier } from './dossierDonnees';
import { construireDossierPdf } from './dossierPdf';
import { PARAMS, ttlExportHeures } from './params';
import { ecrireRapportEntreprise } from './rapportEntreprise';

export interface ResultatExport {
  id: number;
  statut: StatutExport | 'deja_pris';
  lignes?: number;
  fichier?: string;
  erreur?: string;
}

interface LigneExport {
  id: number; kind: TypeExport; params: unknown; destinataire: string; agent_id: number;
}

export interface OptionsExecution {
  ttlHeures?: number;
  /** Rows fetched per cursor batch (tests use small ones). */
  lot?: number;
}

const slug = (t: string) => t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 40) || 'export';

/** Relative path of the file of an export under DATA_DIR (never a user-chosen name). */
export const cheminExport = (dataDir: string, relatif: string) => path.join(dataDir, relatif);

/**
 * Runs one export (the pg-boss handler, the sweep and the tests all call this). The row is claimed
 * first (en_attente → en_cours, atomically: a second worker on the same id does nothing); the file
 * is written under DATA_DIR/exports/ as `.part` then renamed; `progression` and `lignes` are
 * updated as batches are written; the end (termine or echec) is audited with the recipient.
 */
export async function executerExport(em: EntityManager, exportId: number, now: Date, dataDir: string, opts: OptionsExecution = {}): Promise<ResultatExport> {
  const [row] = await em.fork().execute<LigneExport[]>(
    `update export set statut = 'en_cours', progression = 0 where id = ? and statut = 'en_attente' returning id, kind, params, destinataire, agent_id`,
    [exportId],
  );
  if (!row) return { id: exportId, statut: 'deja_pris' };
  const dossier = path.join(dataDir, 'exports');
  await mkdir(dossier, { recursive: true });
  const base = `${row.id}-${randomBytes(8).toString('hex')}`;
  let partiel: string | null = null;
  try {
    const produit = await produire(em, row, now, dataDir, dossier, base, opts, (f) => (partiel = f));
    const relatif = path.relative(dataDir, produit.fichier);
    const { size } = await stat(produit.fichier);
    const expireLe = new Date(now.getTime() + (opts.ttlHeures ?? ttlExportHeures()) * 3_600_000);
    await em.fork().transactional(async (tx) => {
      await tx.execute(
        `update export set statut = 'termine', progression = 100, lignes = ?, fichier = ?, nom_fichier = ?, taille = ?, termine_le = ?, expire_le = ?, erreur = null where id = ?`,
        [produit.lignes, relatif, produit.nom, size, now, expireLe, row.id],
      );
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'export_termine', entite: 'export', entiteId: row.id, de: 'en_cours', vers: 'termine',
        details: { kind: row.kind, destinataire: row.destinataire, agentId: row.agent_id, lignes: produit.lignes, taille: size, nomFichier: produit.nom },
      });
      await tx.flush();
    });
    return { id: row.id, statut: 'termine', lignes: produit.lignes, fichier: produit.fichier };
  } catch (e) {
    if (partiel) await rm(partiel, { force: true });
    const erreur = e instanceof ErreurExport ? e.message : 'Erreur inattendue pendant la production du fichier.';
    if (!(e instanceof ErreurExport)) console.error(`[als] export ${row.id} :`, e);
    await em.fork().transactional(async (tx) => {
      await tx.execute(`update export set statut = 'echec', erreur = ?, termine_le = ? where id = ?`, [erreur, now, row.id]);
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'export_echec', entite: 'export', entiteId: row.id, de: 'en_cours', vers: 'echec',
        motif: erreur, details: { kind: row.kind, destinataire: row.destinataire, agentId: row.agent_id },
      });
      await tx.flush();
    });
    return { id: row.id, statut: 'echec', erreur };
  }
}

/** A refusal the agent can understand (shown in the console as the export's error). */
export class ErreurExport extends Error {}

async function produire(
  em: EntityManager, row: LigneExport, now: Date, dataDir: string, dossier: string, base: string, opts: OptionsExecution,
  suivre: (fichier: string) => void,
): Promise<{ fichier: string; nom: string; lignes: number }> {
  const avancer = progressionSql(em, row.id);
  if (row.kind === 'dossier_designation') {
    const p = PARAMS.dossier_designation.parse(row.params);
    const d = await chargerDossier(em.fork(), p.candidatureId, now);
    if (!d) throw new ErreurExport('Candidature introuvable.');
    if (!d.c.designee_le || !['transmise_bailleur', 'attribuee'].includes(d.c.statut)) throw new ErreurExport('Cette candidature n’a pas été désignée au bailleur.');
    const { octets, pages } = await construireDossierPdf(d, now, dataDir);
    const fichier = path.join(dossier, `${base}.pdf`);
    suivre(`${fichier}.part`);
    await writeFile(`${fichier}.part`, octets);
    await rename(`${fichier}.part`, fichier);
    return { fichier, nom: `dossier-designation-${slug(d.c.reference)}.pdf`, lignes: pages };
  }
  const fichier = path.join(dossier, `${base}.xlsx`);
  suivre(`${fichier}.part`);
  let lignes: number;
  let nom: string;
  if (row.kind === 'designations_bailleur') {
    const p = PARAMS.designations_bailleur.parse(row.params);
    lignes = await ecrireDesignations(em, p, `${fichier}.part`, avancer, opts.lot);
    nom = `designations-${slug(row.destinataire)}-${p.from}-${p.to}.xlsx`;
  } else {
    const p = PARAMS.rapport_entreprise.parse(row.params);
    lignes = await ecrireRapportEntreprise(em, p, `${fichier}.part`, avancer);
    nom = `rapport-entreprise-${p.siret}-${p.from}-${p.to}.xlsx`;
  }
  await rename(`${fichier}.part`, fichier);
  return { fichier, nom, lignes };
}

/** Writes progression (0–99 while running) and lignes, only when the percentage moves. */
function progressionSql(em: EntityManager, id: number) {
  let dernier = -1;
  return async (lignes: number, total: number) => {
    const pct = total > 0 ? Math.min(99, Math.floor((lignes * 100) / total)) : 99;
    if (pct === dernier) return;
    dernier = pct;
    await em.fork().execute(`update export set progression = ?, lignes = ? where id = ?`, [pct, lignes, id]);
  };
}
