import { Router } from 'express';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { getRow, parseId } from '../../http/simpleRest';
import type { ResourceDef } from '../../http/resource';
import { parseBody } from '../../http/validate';
import { audit } from '../audit-events/audit';
import { timeline } from './timeline';

const corpsNote = z.object({ texte: z.string().trim().min(1, 'La note est vide.').max(5000) });

/**
 * Timeline and private notes of a candidature or a demande: whoever may read the record may
 * read its history and add a note (never shown to the demandeur).
 */
export function notesRouter(ctx: AppContext, entite: 'candidature' | 'demande', def: ResourceDef) {
  const r = Router();
  r.get('/:id/timeline', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, def, id);
    res.json(await timeline(req.em!, entite, id, req.agent!.role === 'controle_fraude'));
  });
  r.get('/:id/notes', async (req, res) => {
    const id = parseId(req.params.id);
    await getRow(req, ctx, def, id);
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
      const [row] = await tx.execute<{ id: number }[]>(
        `insert into note (entite, entite_id, agent_id, texte, created_at) values (?, ?, ?, ?, ?) returning id`,
        [entite, id, req.agent!.id, texte, now],
      );
      audit(tx, { at: now, acteur: { type: 'agent', id: req.agent!.id }, action: 'note', entite, entiteId: id, details: { noteId: row.id }, ip: req.ip });
      await tx.flush();
      return row;
    });
    res.status(201).json({ id: note.id, texte, createdAt: now, agentId: req.agent!.id, agentNom: `${req.agent!.prenom} ${req.agent!.nom}` });
  });
  return r;
}
