import type { Request } from 'express';
import type { AppContext } from '@server/context';
import { badRequest, conflict, forbidden } from '@server/http/problem';
import { getRow } from '@server/http/simpleRest';
import { parseBody } from '@server/http/validate';
import { audit } from '@server/modules/audit-events/audit';
import { candidatures } from '@server/modules/candidatures/candidatures.resource';
import { corpsExport, type CorpsExport } from './params';
import { envoyerExport } from './worker';

/** Who receives the file (recorded on the export and in the audit), checked against the references. */
async function destinataire(req: Request, ctx: AppContext, corps: CorpsExport): Promise<string> {
  const em = req.em!;
  const inconnu = (field: string, message: string) => badRequest('REFERENCE_INCONNUE', message, [{ field, message }]);
  switch (corps.kind) {
    case 'designations_bailleur': {
      const [b] = await em.execute<{ nom: string }[]>(`select nom from bailleur where id = ?`, [corps.params.bailleurId]);
      if (!b) throw inconnu('params.bailleurId', 'Bailleur inconnu.');
      return b.nom;
    }
    case 'rapport_entreprise': {
      const [e] = await em.execute<{ raison_sociale: string; siret: string }[]>(`select raison_sociale, siret from entreprise where siret = ?`, [corps.params.siret]);
      if (!e) throw inconnu('params.siret', 'Aucune entreprise n’a ce SIRET.');
      return `${e.raison_sociale} (SIRET ${e.siret})`;
    }
    case 'dossier_designation': {
      // The candidature must be visible to the caller (404 otherwise, no existence oracle) and designated.
      const c = await getRow(req, ctx, candidatures, corps.params.candidatureId);
      if (!['transmise_bailleur', 'attribuee'].includes(String(c.statut))) {
        throw conflict('CANDIDATURE_NON_DESIGNEE', 'Le dossier de désignation n’existe que pour une candidature transmise au bailleur ou attribuée.');
      }
      const [b] = await em.execute<{ nom: string }[]>(
        `select b.nom from candidature c join offre o on o.id = c.offre_id join bailleur b on b.id = o.bailleur_id where c.id = ?`,
        [corps.params.candidatureId],
      );
      return b.nom;
    }
  }
}

/**
 * POST /api/exports: the Export row (en_attente, recipient, agent) and its audit event in one
 * transaction, then the pg-boss job. If the process dies between the two, the minute sweep of
 * the worker finds the row still en_attente and sends it again: nothing is lost.
 */
export async function creerExport(req: Request, ctx: AppContext): Promise<{ id: number; statut: 'en_attente' }> {
  if (!req.ability!.can('create', 'exports')) throw forbidden();
  const corps = parseBody(corpsExport, req.body);
  const pour = await destinataire(req, ctx, corps);
  const now = ctx.clock.now();
  const id = await req.em!.transactional(async (tx) => {
    const [{ id }] = await tx.execute<{ id: number }[]>(
      `insert into export (kind, params, destinataire, statut, progression, agent_id, created_at) values (?, ?::jsonb, ?, 'en_attente', 0, ?, ?) returning id`,
      [corps.kind, JSON.stringify(corps.params), pour, req.agent!.id, now],
    );
    audit(tx, {
      at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'export_demande', entite: 'export', entiteId: id, vers: 'en_attente',
      details: { kind: corps.kind, params: corps.params, destinataire: pour }, ip: req.ip,
    });
    await tx.flush();
    return id;
  });
  await envoyerExport(ctx, id);
  return { id, statut: 'en_attente' };
}
