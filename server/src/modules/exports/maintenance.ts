import type { EntityManager } from '@mikro-orm/postgresql';
import { audit } from '@server/modules/audit-events/audit';
import type { FileStorage } from '@server/storage/storage';

/** An export still en_attente after this long lost its job (crash between insert and send): it is sent again. */
export const ATTENTE_MAX_MS = 60_000;
/** An export en_cours for this long was interrupted (process stopped mid-file): it is marked echec. */
export const EN_COURS_MAX_MS = 2 * 3_600_000;

/**
 * Files past their expiry (EXPORT_TTL_HOURS after completion) are deleted and the export marked
 * `expire`, with an audit event in the same transaction as the change. Idempotent: a row is taken
 * once (statut guard in the update, `skip locked` between replicas). The files are deleted after
 * the commit: a crash in between leaves an orphan object, never an expired row without its history.
 */
export async function expirerExports(em: EntityManager, now: Date, storage: FileStorage): Promise<{ expires: number }> {
  const rows = await em.fork().transactional(async (tx) => {
    const expires = await tx.execute<{ id: number; fichier: string | null; destinataire: string }[]>(
      `with x as (select id, fichier from export where statut = 'termine' and expire_le <= ? order by id limit 500 for update skip locked)
       update export e set statut = 'expire', fichier = null from x where e.id = x.id and e.statut = 'termine' returning e.id, x.fichier, e.destinataire`,
      [now],
    );
    for (const r of expires) {
      audit(tx, { at: now, acteur: { type: 'systeme' }, action: 'export_expire', entite: 'export', entiteId: r.id, de: 'termine', vers: 'expire', details: { destinataire: r.destinataire } });
    }
    await tx.flush();
    return expires;
  });
  for (const r of rows) if (r.fichier) await storage.deleteObject(r.fichier);
  return { expires: rows.length };
}

/**
 * The sweep of the `exports-maintenance` job (every minute): expired files, exports left
 * en_attente (re-sent through `envoyer`), interrupted ones (marked echec).
 */
export async function maintenanceExports(em: EntityManager, now: Date, storage: FileStorage, envoyer: (id: number) => Promise<unknown>) {
  const { expires } = await expirerExports(em, now, storage);
  const enAttente = await em.fork().execute<{ id: number }[]>(
    `select id from export where statut = 'en_attente' and created_at < ? order by id limit 100`,
    [new Date(now.getTime() - ATTENTE_MAX_MS)],
  );
  for (const { id } of enAttente) await envoyer(id);
  const interrompus = await em.fork().transactional(async (tx) => {
    const erreur = 'Production interrompue (arrêt du serveur) : relancez l’export.';
    const ids = await tx.execute<{ id: number; destinataire: string }[]>(
      `update export set statut = 'echec', erreur = ?, termine_le = ? where statut = 'en_cours' and created_at < ? returning id, destinataire`,
      [erreur, now, new Date(now.getTime() - EN_COURS_MAX_MS)],
    );
    for (const r of ids) {
      audit(tx, {
        at: now, acteur: { type: 'systeme' }, action: 'export_echec', entite: 'export', entiteId: r.id, de: 'en_cours', vers: 'echec', motif: erreur,
        details: { destinataire: r.destinataire, interrompu: true },
      });
    }
    await tx.flush();
    return ids;
  });
  return { expires, relances: enAttente.length, interrompus: interrompus.length };
}
