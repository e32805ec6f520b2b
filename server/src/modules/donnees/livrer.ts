import { IsolationLevel } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Response } from 'express';
import type { AppContext } from '@server/context';
import { notFound } from '@server/http/problem';
import { audit, type AuditInput } from '@server/modules/audit-events/audit';
import { masquerFraude } from './masquage';
import { ecrireZip, rassemblerDonnees, type PaquetDonnees } from './paquet';

/**
 * DATA-ACCES: reads the package in one consistent snapshot, writes the audit event of the
 * request in its own transaction (who asked, for whom, which format), then answers the JSON or
 * streams the ZIP (for an agent who may not read fraud data, with the category masked: masquage.ts). The audit is committed before the first byte leaves: a package is never
 * handed out unrecorded.
 */
export async function livrerDonnees(
  ctx: AppContext,
  em: EntityManager,
  res: Response,
  o: { demandeurId: number; format: 'json' | 'zip'; acteur: AuditInput['acteur']; ip?: string; demandePar?: string; masquerFraude?: boolean },
) {
  const now = ctx.clock.now();
  const brut: PaquetDonnees | null = await em.fork().transactional((tx) => rassemblerDonnees(tx, o.demandeurId, now), {
    isolationLevel: IsolationLevel.REPEATABLE_READ,
    readOnly: true,
  });
  if (!brut) throw notFound();
  const paquet = o.masquerFraude ? masquerFraude(brut) : brut; // R-FRAUD-VIS: an agent's copy, see masquage.ts
  await em.fork().transactional(async (tx) => {
    audit(tx, {
      at: now, acteur: o.acteur, action: 'acces_donnees', entite: 'demandeur', entiteId: o.demandeurId, motif: o.demandePar ?? null,
      details: { format: o.format, pieces: paquet.justificatifs.length, ...(o.masquerFraude ? { fraudeMasquee: true } : {}), ...(o.demandePar ? { demandePar: o.demandePar } : {}) }, ip: o.ip ?? null,
    });
    await tx.flush();
  });
  if (o.format === 'json') {
    res.json(paquet);
    return;
  }
  const jour = now.toISOString().slice(0, 10);
  res.status(200);
  res.setHeader('Content-Type', 'application/zip');
  res.setHeader('Content-Disposition', `attachment; filename="donnees-personnelles-${o.demandeurId}-${jour}.zip"`);
  await ecrireZip(paquet, ctx.storage, res);
}
