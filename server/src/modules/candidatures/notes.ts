import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '@server/context';
import { getRow, parseId } from '@server/http/simpleRest';
import type { ResourceDef } from '@server/http/resource';
import { parseBody } from '@server/http/validate';
import { audit } from '@server/modules/audit-events/audit';
import { decrireRoute } from '@server/openapi/registry';
import { Note } from '@server/modules/notes/Note.entity';
import { timeline } from './timeline';
import { tracerLecture } from '@server/modules/traces/tracer';

const corpsNote = z.object({ texte: z.string().trim().min(1, 'La note est vide.').max(5000) });
const note = z.object({ id: z.number().int(), texte: z.string(), createdAt: z.iso.datetime(), agentId: z.number().int(), agentNom: z.string() });

const evenement = z.strictObject({
  id: z.string().meta({ description: 'a… (audit), n… (notification), x… (note)' }),
  at: z.iso.datetime(),
  genre: z.enum(['audit', 'notification', 'note']),
  action: z.string(),
  acteur: z.string().nullable(),
  de: z.string().nullable(),
  vers: z.string().nullable(),
  motif: z.string().nullable(),
  texte: z.string().nullable(),
});

for (const ressource of ['candidatures', 'demandes'] as const) {
  decrireRoute({
    method: 'get', path: `/api/${ressource}/{id}/timeline`, auth: 'agent', summary: 'Historique : événements d’audit, notifications et notes privées',
    reponse: { json: z.array(evenement) },
  });
  decrireRoute({ method: 'get', path: `/api/${ressource}/{id}/notes`, auth: 'agent', summary: 'Notes privées des agents (jamais montrées au demandeur)', reponse: { json: z.array(note) } });
  decrireRoute({ method: 'post', path: `/api/${ressource}/{id}/notes`, auth: 'agent', summary: 'Ajouter une note privée', body: corpsNote, reponse: { status: 201, json: note } });
}

/**
 * Timeline and private notes of a candidature or a demande: whoever may read the record may
 * read its history and add a note (never shown to the demandeur).
 */
export function notesRouter(ctx: AppContext, entite: 'candidature' | 'demande', def: ResourceDef) {
  const r = Router();
  r.get('/:id/timeline', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, def, id);
    const lignes = await timeline(req.em!, entite, id, req.agent!.role === 'controle_fraude');
    await tracerLecture(req, ctx, `timeline-${entite}`, { entiteId: id }); // DATA-TRACES
    res.json(lignes);
  });
  r.get('/:id/notes', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, def, id);
    await tracerLecture(req, ctx, `notes-${entite}`, { entiteId: id }); // DATA-TRACES
    res.json(
      await req.em!.execute(
        `select n.id, n.texte, n.created_at as "createdAt", n.agent_id as "agentId", a.prenom || ' ' || a.nom as "agentNom"
           from note n join agent a on a.id = n.agent_id where n.entite = ? and n.entite_id = ? order by n.created_at desc, n.id desc`,
        [entite, id],
      ),
    );
  });
  r.post('/:id/notes', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, def, id);
    const { texte } = parseBody(corpsNote, req.body);
    const now = ctx.clock.now();
    const note = await req.em!.transactional(async (tx) => {
      const note = tx.create(Note, { entite, entiteId: id, agent: req.agent!.id, texte, createdAt: now });
      await tx.flush(); // gives the note its id, for the audit event
      audit(tx, { at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'note', entite, entiteId: id, details: { noteId: note.id }, ip: req.ip });
      await tx.flush();
      return note;
    });
    res.status(201).json({ id: note.id, texte, createdAt: now, agentId: req.agent!.id, agentNom: `${req.agent!.prenom} ${req.agent!.nom}` });
  });
  return r;
}
