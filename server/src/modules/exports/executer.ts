import type { EntityManager } from '@mikro-orm/postgresql';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import type { StatutExport, TypeExport } from '@shared/domain/enums';
import { audit } from '@server/modules/audit-events/audit';
import type { FileStorage } from '@server/storage/storage';
import { ecrireDesignations } from './designations';
import { chargerDossier } from './dossierDonnees';
import { PARAMS, ttlExportHeures } from './params';
import { ecrireRapportEntreprise } from './rapportEntreprise';
import { logger } from '@server/logger';
import { HttpProblem } from '@server/http/problem';
import { dossierPdfEtPages } from '@server/bailleur/travaux/pool';

export interface ResultatExport {
  id: number;
  statut: StatutExport | 'deja_pris';
  lignes?: number;
  /** Name of the object in the storage (`exports/…`). */
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

/**
 * Runs one export (the pg-boss handler, the sweep and the tests all call this). The row is claimed
 * first (en_attente → en_cours, atomically: a second worker on the same id does nothing); the file
 * is produced in a scratch file of this machine (streamed, `progression` and `lignes` updated as
 * batches are written), then streamed to the shared storage as the named object
 * `exports/<id>-<random>.<ext>` (column `fichier`); the end (termine or echec) is audited with the
 * recipient. Every state change is conditional on the state this run holds (`en_cours`): when the
 * sweep declared the run interrupted meanwhile (echec), the end writes and audits nothing and the
 * file just written is deleted, so the row and its history never say two different things.
 */
export async function executerExport(em: EntityManager, exportId: number, now: Date, storage: FileStorage, opts: OptionsExecution = {}): Promise<ResultatExport> {
  const [row] = await em.fork().execute<LigneExport[]>(
    `update export set statut = 'en_cours', progression = 0 where id = ? and statut = 'en_attente' returning id, kind, params, destinataire, agent_id`,
    [exportId],
  );
  if (!row) return { id: exportId, statut: 'deja_pris' };
  const base = `exports/${row.id}-${randomBytes(8).toString('hex')}`;
  const brouillon = await storage.tempFile();
  let ecrit: string | null = null;
  try {
    const produit = await produire(em, row, now, storage, brouillon, opts);
    const objet = `${base}.${produit.ext}`;
    const { size } = await storage.writeObject(objet, createReadStream(brouillon));
    ecrit = objet;
    const expireLe = new Date(now.getTime() + (opts.ttlHeures ?? ttlExportHeures()) * 3_600_000);
    const fini = await em.fork().transactional(async (tx) => {
      const ecrits = await tx.execute<{ id: number }[]>(
        `update export set statut = 'termine', progression = 100, lignes = ?, fichier = ?, nom_fichier = ?, taille = ?, termine_le = ?, expire_le = ?, erreur = null
          where id = ? and statut = 'en_cours' returning id`,
        [produit.lignes, objet, produit.nom, size, now, expireLe, row.id],
      );
      if (ecrits.length === 0) return false;
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'export_termine', entite: 'export', entiteId: row.id, de: 'en_cours', vers: 'termine',
        details: { kind: row.kind, destinataire: row.destinataire, agentId: row.agent_id, lignes: produit.lignes, taille: size, nomFichier: produit.nom },
      });
      await tx.flush();
      return true;
    });
    if (!fini) {
      await storage.deleteObject(objet).catch(() => undefined);
      return { id: row.id, statut: 'deja_pris' };
    }
    return { id: row.id, statut: 'termine', lignes: produit.lignes, fichier: objet };
  } catch (e) {
    if (ecrit) await storage.deleteObject(ecrit).catch(() => undefined);
    const erreur = e instanceof ErreurExport ? e.message : 'Erreur inattendue pendant la production du fichier.';
    if (!(e instanceof ErreurExport)) logger.error({ err: e, exportId: row.id }, `Export ${row.id} en échec.`);
    const marque = await em.fork().transactional(async (tx) => {
      const ecrits = await tx.execute<{ id: number }[]>(`update export set statut = 'echec', erreur = ?, termine_le = ? where id = ? and statut = 'en_cours' returning id`, [
        erreur,
        now,
        row.id,
      ]);
      if (ecrits.length === 0) return false;
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'export_echec', entite: 'export', entiteId: row.id, de: 'en_cours', vers: 'echec',
        motif: erreur, details: { kind: row.kind, destinataire: row.destinataire, agentId: row.agent_id },
      });
      await tx.flush();
      return true;
    });
    return marque ? { id: row.id, statut: 'echec', erreur } : { id: row.id, statut: 'deja_pris' };
  } finally {
    await rm(brouillon, { force: true });
  }
}

/** A refusal the agent can understand (shown in the console as the export's error). */
export class ErreurExport extends Error {}

/** Writes the file of the export at `fichier` (a scratch path). */
async function produire(
  em: EntityManager, row: LigneExport, now: Date, storage: FileStorage, fichier: string, opts: OptionsExecution,
): Promise<{ ext: 'pdf' | 'xlsx'; nom: string; lignes: number }> {
  const avancer = progressionSql(em, row.id);
  if (row.kind === 'dossier_designation') {
    const p = PARAMS.dossier_designation.parse(row.params);
    const d = await chargerDossier(em.fork(), p.candidatureId, now);
    if (!d) throw new ErreurExport('Candidature introuvable.');
    if (!d.c.designee_le || !['transmise_bailleur', 'attribuee'].includes(d.c.statut)) throw new ErreurExport('Cette candidature n’a pas été désignée au bailleur.');
    // The stored PDFs are parsed and the images decoded in the bounded worker pool (as on the bailleur page), never on the event loop.
    const { octets, pages } = await dossierPdfEtPages(d, now, storage).catch((e: unknown) => {
      if (e instanceof HttpProblem && e.code === 'SERVEUR_OCCUPE') throw new ErreurExport('Trop de traitements en cours : relancez l’export dans une minute.');
      throw e;
    });
    await writeFile(fichier, octets);
    return { ext: 'pdf', nom: `dossier-designation-${slug(d.c.reference)}.pdf`, lignes: pages };
  }
  let lignes: number;
  let nom: string;
  if (row.kind === 'designations_bailleur') {
    const p = PARAMS.designations_bailleur.parse(row.params);
    lignes = await ecrireDesignations(em, p, fichier, avancer, opts.lot);
    nom = `designations-${slug(row.destinataire)}-${p.from}-${p.to}.xlsx`;
  } else {
    const p = PARAMS.rapport_entreprise.parse(row.params);
    lignes = await ecrireRapportEntreprise(em, p, fichier, avancer);
    nom = `rapport-entreprise-${p.siret}-${p.from}-${p.to}.xlsx`;
  }
  return { ext: 'xlsx', nom, lignes };
}

/** Writes progression (0–99 while running) and lignes, only when the percentage moves. */
function progressionSql(em: EntityManager, id: number) {
  let dernier = -1;
  return async (lignes: number, total: number) => {
    const pct = total > 0 ? Math.min(99, Math.floor((lignes * 100) / total)) : 99;
    if (pct === dernier) return;
    dernier = pct;
    await em.fork().execute(`update export set progression = ?, lignes = ? where id = ? and statut = 'en_cours'`, [pct, lignes, id]);
  };
}
